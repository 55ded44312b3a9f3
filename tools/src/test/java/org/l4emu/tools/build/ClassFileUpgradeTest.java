package org.l4emu.tools.build;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFileUpgradeTest {
    private static final int JAVA_5 = ClassFile.JAVA_5_VERSION;
    private static final ClassDesc BASE = ClassDesc.of("old.Base");
    private static final ClassDesc DERIVED = ClassDesc.of("old.Derived");
    private static final ClassDesc CODE = ClassDesc.of("old.Code");

    @TempDir
    Path folder;

    @Test
    void javaFiveClassesBecomeJavaEightClassesThatVerifyAndRunAsBefore() throws Exception {
        byte[] modern = modernClass();
        Path jar = jar("old.jar", Map.of("old/Base.class", base(), "old/Derived.class", derived(),
                "old/Code.class", code(), "modern/Modern.class", modern, "README", "text".getBytes()));

        assertEquals(3, ClassFileUpgrade.upgradeJar(jar));

        Map<String, byte[]> after = read(jar);
        for (String name : new String[] {"old/Base.class", "old/Derived.class", "old/Code.class"}) {
            assertEquals(ClassFile.JAVA_8_VERSION, ClassFile.of().parse(after.get(name)).majorVersion(), name);
        }
        assertArrayEquals(modern, after.get("modern/Modern.class"), "a class of version 50 or later is kept as it was");
        assertArrayEquals("text".getBytes(), after.get("README"));
        // Loaded by an application class loader, so the verifier checks the new stack maps.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Class<?> code = loader.loadClass("old.Code");
            assertEquals(15, code.getMethod("sum", int.class).invoke(null, 5));
            assertEquals("old.Derived", code.getMethod("pick", boolean.class).invoke(null, true).getClass().getName());
            assertEquals("old.Base", code.getMethod("pick", boolean.class).invoke(null, false).getClass().getName());
        }
        assertEquals(0, ClassFileUpgrade.upgradeJar(jar), "a second run finds nothing to do");
    }

    @Test
    void aJarWithoutOldClassesIsNotWritten() throws IOException {
        Path jar = jar("modern.jar", Map.of("modern/Modern.class", modernClass()));
        byte[] before = Files.readAllBytes(jar);
        assertEquals(0, ClassFileUpgrade.upgradeJar(jar));
        assertArrayEquals(before, Files.readAllBytes(jar));
    }

    @Test
    void onlyClassFilesBelowVersionFiftyAreOld() {
        assertTrue(ClassFileUpgrade.olderThanStackMaps(base()));
        assertFalse(ClassFileUpgrade.olderThanStackMaps(modernClass()));
        assertFalse(ClassFileUpgrade.olderThanStackMaps("not a class".getBytes()));
        assertFalse(ClassFileUpgrade.olderThanStackMaps(new byte[] {(byte) 0xCA, (byte) 0xFE}));
    }

    private static byte[] base() {
        return ClassFile.of().build(BASE, c -> c.withVersion(JAVA_5, 0).withFlags(AccessFlag.PUBLIC)
                .withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC, m -> m.aload(0)
                        .invokespecial(CD_Object, INIT_NAME, MTD_void).return_()));
    }

    private static byte[] derived() {
        return ClassFile.of().build(DERIVED, c -> c.withVersion(JAVA_5, 0).withFlags(AccessFlag.PUBLIC)
                .withSuperclass(BASE)
                .withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC, m -> m.aload(0)
                        .invokespecial(BASE, INIT_NAME, MTD_void).return_()));
    }

    /** A loop (sum 1..n) and a merge of two classes of the jar: both need stack maps from version 50 on. */
    private static byte[] code() {
        return ClassFile.of().build(CODE, c -> c.withVersion(JAVA_5, 0).withFlags(AccessFlag.PUBLIC)
                .withMethodBody("sum", MethodTypeDesc.of(CD_int, CD_int), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        m -> {
                            var top = m.newLabel();
                            var end = m.newLabel();
                            m.iconst_0().istore(1).labelBinding(top).iload(0).ifle(end)
                                    .iload(1).iload(0).iadd().istore(1).iinc(0, -1).goto_(top)
                                    .labelBinding(end).iload(1).ireturn();
                        })
                .withMethodBody("pick", MethodTypeDesc.of(BASE, CD_boolean), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        m -> {
                            var base = m.newLabel();
                            var done = m.newLabel();
                            m.iload(0).ifeq(base).new_(DERIVED).dup().invokespecial(DERIVED, INIT_NAME, MTD_void)
                                    .goto_(done).labelBinding(base).new_(BASE).dup()
                                    .invokespecial(BASE, INIT_NAME, MTD_void).labelBinding(done).areturn();
                        }));
    }

    private static byte[] modernClass() {
        return ClassFile.of().build(ClassDesc.of("modern.Modern"), c -> c.withVersion(ClassFile.JAVA_17_VERSION, 0)
                .withMethodBody("nothing", MethodTypeDesc.of(CD_void), ClassFile.ACC_STATIC, m -> m.return_()));
    }

    private Path jar(String name, Map<String, byte[]> entries) throws IOException {
        Path jar = folder.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Map<String, byte[]> read(Path jar) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (JarFile in = new JarFile(jar.toFile())) {
            for (JarEntry entry : in.stream().toList()) {
                entries.put(entry.getName(), in.getInputStream(entry).readAllBytes());
            }
        }
        return entries;
    }
}
