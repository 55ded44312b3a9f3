package org.l4emu.tools.check;

/**
 * The rules the checker judges, by the id SEMANTICS.md gives them (ISO, ABI and TRACE are the
 * checker's own: isolation of address spaces, the ABI's call semantics, and a trace that
 * contradicts itself). docs/checker.md says what each check looks at.
 */
public enum CheckedRule {
    S3("timeouts fire at their virtual time"),
    S5("message transfer: MR0..MR(u+t) only, valid fpages, kernel-owned pages never mapped"),
    S6("page-fault and exception IPC obey allow rules and redirection"),
    R1("the path of an IPC: its monitors in class and rule order"),
    R2("a redirected message reaches the next monitor on its path, which sees R"),
    R3("deceit only by a monitor on a path of an IPC from the true source"),
    R4("transparency: a receiver that is not a monitor on the path sees no R, D or deceit option"),
    M1("a blocked source stays blocked until final delivery or an error"),
    M2("at final delivery the blocked source is released, or the controlling monitor notified"),
    M4("an IPC passes the final receiver check only when the final receiver is ready"),
    M5("the delay timeout bounds the time from the M4 check to final delivery"),
    M6("controlled synchrony: who may control, and who is notified"),
    M9("options 1, 2 and 3 only from a monitor on the blocked source's path"),
    P1("a task with allow rules reaches only allowed destinations, unless a monitor decides"),
    P3("deleting a task's last thread frees what it held"),
    ISO("a task reaches only pages it holds, and keeps its UTCB pages"),
    ABI("the system call semantics of ABI.md section 3"),
    TRACE("an event the checker's model cannot explain: the trace contradicts itself");

    private final String title;

    CheckedRule(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
