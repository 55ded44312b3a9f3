package org.l4emu.tools.fuzz.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Machine;
import org.l4emu.kernel.Kernel;
import org.l4emu.tools.L4emu;

/**
 * The kernel with one line of one of its source files changed: the file is copied with the
 * change, compiled against the kernel's classes, and loaded, with the kernel and the tools,
 * into a class loader of its own that prefers it, so that the command line run inside that
 * loader drives the mutated kernel while the test's own kernel stays intact.
 */
final class MutatedKernel {
    private static final Path SOURCES = Path.of("..", "kernel", "src", "main", "java");
    private static final List<String> OWN_PACKAGES = List.of("org.l4emu.kernel.", "org.l4emu.tools.");

    /** One line of {@code file} (under org/l4emu/kernel/), exactly as it is, and what it becomes. */
    record Mutation(String file, String line, String mutated) {}

    /** What the command line printed and returned. */
    record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final ClassLoader loader;

    private MutatedKernel(ClassLoader loader) {
        this.loader = loader;
    }

    /** Compiles the kernel with {@code mutation} into {@code work}; the mutated line must occur exactly once. */
    static MutatedKernel compile(Mutation mutation, Path work) throws IOException {
        Path source = SOURCES.resolve("org/l4emu/kernel").resolve(mutation.file());
        String text = Files.readString(source);
        int at = text.indexOf(mutation.line());
        assertTrue(at >= 0 && text.indexOf(mutation.line(), at + 1) < 0,
                () -> source + " must hold the line to mutate exactly once: " + mutation.line());
        Path copy = work.resolve("src").resolve(source.getFileName());
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, text.replace(mutation.line(), mutation.mutated()));
        Path classes = Files.createDirectories(work.resolve("classes"));
        String classPath = String.join(java.io.File.pathSeparator, List.of(
                location(Kernel.class).toString(), location(Machine.class).toString(), location(Abi.class).toString()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        boolean compiled = javac.getTask(messages, null, null,
                List.of("-d", classes.toString(), "-classpath", classPath, "-proc:none", "-nowarn"), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(copy)).call();
        assertTrue(compiled, () -> "the mutated " + mutation.file() + " does not compile:\n" + messages);
        URL[] urls = {url(classes), url(location(Kernel.class)), url(location(L4emu.class))};
        return new MutatedKernel(new OwnPackagesFirst(urls, MutatedKernel.class.getClassLoader()));
    }

    /** Runs {@code l4emu ARGS} on the mutated kernel. */
    Run l4emu(String... args) throws ReflectiveOperationException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Class<?> command = loader.loadClass(L4emu.class.getName());
        assertEquals(loader, command.getClassLoader(), "the command line must come from the mutated kernel's loader");
        int exit;
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = (int) command.getMethod("execute", java.io.OutputStream.class, PrintStream.class, String[].class)
                    .invoke(null, out, errStream, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError("l4emu threw on the mutated kernel", e.getCause());
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the kernel's and the tools' classes itself (the mutated one first), all others from its parent. */
    private static final class OwnPackagesFirst extends URLClassLoader {
        OwnPackagesFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (OWN_PACKAGES.stream().noneMatch(name::startsWith)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException e) {
                        loaded = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
