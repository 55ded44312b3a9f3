package org.l4emu.tools.fuzz.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.tools.fuzz.FuzzViolation;

/**
 * Every kernel event to the fuzzer's observer, then to a plugged-in rule checker, whose
 * exceptions are violations it found ("rule checker: ..."), never host exceptions. A dynamic
 * proxy, so that events added to {@link KernelEvents} later reach the checker without a change
 * here; it costs a reflective call per event, paid only when a checker is plugged in.
 */
final class CheckerEvents {
    private CheckerEvents() {}

    static KernelEvents of(KernelEvents fuzzer, KernelEvents checker) {
        if (checker == KernelEvents.NONE) {
            return fuzzer;
        }
        return (KernelEvents) Proxy.newProxyInstance(KernelEvents.class.getClassLoader(),
                new Class<?>[] {KernelEvents.class}, (proxy, method, arguments) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(fuzzer, arguments);
                    }
                    call(fuzzer, method, arguments, false);
                    call(checker, method, arguments, true);
                    return null;
                });
    }

    private static void call(KernelEvents target, Method method, Object[] arguments, boolean isChecker) {
        try {
            method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            if (isChecker && !(thrown instanceof FuzzViolation) && thrown instanceof RuntimeException) {
                throw new FuzzViolation("rule checker: " + thrown.getMessage(), thrown);
            }
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(thrown);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }
}
