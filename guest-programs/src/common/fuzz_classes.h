/* The fuzzers' generator classes and the guarantees a fuzz thread checks itself, each in the order
   of its Java twin (tools/.../fuzz/AttackClass.java and GuestOracle.java, which a test compares
   with this file). A thread names its current class (index + 1, 0 for none) in its UTCB's
   ThreadWord2 before each system call, so that the host counts calls per class; the host puts
   the mask of enabled classes in UserDefinedHandle before the first instruction (0: all). A
   broken guarantee is reported with kdebug breakpoint(FUZZ_ORACLE_MAGIC | its number). */
#ifndef FUZZ_CLASSES_H
#define FUZZ_CLASSES_H

enum fuzz_class {
    FUZZ_CLASS_RANDOM,          /* adversarial arguments to every call, ipc(nil, nil) */
    FUZZ_CLASS_UTCB_REWRITE,    /* siblings rewrite a blocked thread's tag, items and buffer registers */
    FUZZ_CLASS_FPAGES,          /* fpages of every size and alignment in every role */
    FUZZ_CLASS_KERNEL_PAGES,    /* map and grant aimed at kernel-owned pages and the user range's edges */
    FUZZ_CLASS_FORGED_HANDLERS, /* forged Pager and ExceptionHandler words, then faults and exceptions */
    FUZZ_CLASS_MONITOR_FORWARD, /* forwards with every option, unrelated true and blocked sources */
    FUZZ_CLASS_RULE_CHURN,      /* redirect rules changed while IPCs are in flight */
    FUZZ_CLASS_TASK_CHURN,      /* tasks and threads created and deleted */
    FUZZ_CLASS_COUNT,
    FUZZ_CLASS_NONE = FUZZ_CLASS_COUNT /* keeper, servers, monitors and pagers answering */
};

enum fuzz_oracle {
    FUZZ_ORACLE_MY_GLOBAL_ID = 1,  /* S5: a delivery changed the receiver's MyGlobalId */
    FUZZ_ORACLE_BOOT_INFO_REPLACED, /* S5: the boot info page holds something else */
    FUZZ_ORACLE_BOOT_INFO_GONE,    /* S5: the boot info page left its task */
    FUZZ_ORACLE_NO_PHASE,          /* ipc(nilthread, nilthread) did not return dope 0 */
    FUZZ_ORACLE_UNRELATED_DECEIT,  /* R3: a deceit naming an unrelated true source was accepted */
    FUZZ_ORACLE_TASK_MEMORY,       /* P3: no memory for a new task while the root holds only a few */
};

#define FUZZ_ORACLE_MAGIC 0xF22A0000u
#define FUZZ_ORACLE_MAGIC_MASK 0xFFFF0000u

#endif
