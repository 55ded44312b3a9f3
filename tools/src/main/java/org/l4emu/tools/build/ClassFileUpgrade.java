package org.l4emu.tools.build;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Build step: rewrites the class files older than Java 6 (version 50) in the jars of a folder as
 * Java 8 class files (version 52, with stack maps), their code unchanged. JDK 25's AOT cache
 * keeps only classes that the split verifier checks, so picocli, built for Java 5, was read from
 * its jar and verified anew at every start of the launcher (about 0.1 s of CPU); rewritten, its
 * classes come from the cache, parsed and linked. Jars with no such class are left alone.
 */
public final class ClassFileUpgrade {
    /** The first version whose classes carry stack maps and so can be kept in the AOT cache. */
    static final int FIRST_WITH_STACK_MAPS = ClassFile.JAVA_6_VERSION;
    static final int UPGRADED_VERSION = ClassFile.JAVA_8_VERSION;

    private ClassFileUpgrade() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ClassFileUpgrade FOLDER (its jars are rewritten in place)");
            System.exit(2);
        }
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path jar : files.filter(file -> file.toString().endsWith(".jar")).sorted().toList()) {
                int upgraded = upgradeJar(jar);
                if (upgraded > 0) {
                    System.out.println(jar.getFileName() + ": " + upgraded + " class files rewritten as Java 8");
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println("ClassFileUpgrade: " + args[0] + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** Rewrites {@code jar} in place if it holds class files older than version 50; how many it rewrote. */
    static int upgradeJar(Path jar) throws IOException {
        List<JarEntry> entries = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        int upgraded = 0;
        try (JarFile in = new JarFile(jar.toFile());
             URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ClassHierarchyResolver hierarchy = ClassHierarchyResolver.defaultResolver()
                    .orElse(ClassHierarchyResolver.ofResourceParsing(classes));
            for (Enumeration<JarEntry> all = in.entries(); all.hasMoreElements(); ) {
                JarEntry entry = all.nextElement();
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith(".class") && olderThanStackMaps(bytes)) {
                    bytes = upgrade(bytes, hierarchy);
                    upgraded++;
                }
                entries.add(new JarEntry(entry.getName()));
                contents.add(bytes);
            }
        }
        if (upgraded == 0) {
            return 0;
        }
        Path rewritten = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
        try (OutputStream file = Files.newOutputStream(rewritten); JarOutputStream out = new JarOutputStream(file)) {
            for (int i = 0; i < entries.size(); i++) {
                out.putNextEntry(entries.get(i));
                out.write(contents.get(i));
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(rewritten);
            throw e;
        }
        Files.setPosixFilePermissions(rewritten, Files.getPosixFilePermissions(jar));
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return upgraded;
    }

    /** True for a class file (magic 0xCAFEBABE) whose major version is below 50. */
    static boolean olderThanStackMaps(byte[] classFile) {
        if (classFile.length < 8 || (classFile[0] & 0xFF) != 0xCA || (classFile[1] & 0xFF) != 0xFE
                || (classFile[2] & 0xFF) != 0xBA || (classFile[3] & 0xFF) != 0xBE) {
            return false;
        }
        int major = (classFile[6] & 0xFF) << 8 | (classFile[7] & 0xFF);
        return major < FIRST_WITH_STACK_MAPS;
    }

    /** The same class as version 52: every method's code written anew, which adds its stack maps. */
    static byte[] upgrade(byte[] classFile, ClassHierarchyResolver hierarchy) {
        ClassFile files = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                ClassFile.ClassHierarchyResolverOption.of(hierarchy));
        ClassTransform version = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(UPGRADED_VERSION, 0);
            } else {
                builder.with(element);
            }
        };
        return files.transformClass(files.parse(classFile),
                ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL).andThen(version));
    }
}
