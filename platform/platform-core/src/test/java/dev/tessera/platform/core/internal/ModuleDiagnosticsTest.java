package dev.tessera.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModuleDiagnosticsTest {

    @Test
    void activationFailureIsExplainedByItsInnermostCause() {
        String trace = """
                java.lang.reflect.InvocationTargetException
                \tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)
                Caused by: java.lang.RuntimeException: wrapper
                \tat x.y(Z.java:1)
                Caused by: java.lang.IllegalStateException: the ledger has no base currency configured
                \tat a.b(C.java:2)
                """;
        assertEquals("java.lang.IllegalStateException: the ledger has no base currency configured",
                ModuleDiagnostics.rootCause(trace));
    }

    @Test
    void aTraceWithoutCauseIsExplainedByItsFirstLine() {
        assertEquals("java.lang.NullPointerException: x", ModuleDiagnostics.rootCause("java.lang.NullPointerException: x\n\tat a.b(C.java:1)"));
        assertEquals("unknown reason", ModuleDiagnostics.rootCause(null));
    }
}
