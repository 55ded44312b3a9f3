/*
 * A guest written only from docs/abi.md, with no SDK: it proves that a program that knows nothing
 * but the published ABI runs. It writes through kdebug, checks the boot info page and its own
 * UTCB, checks that a system call preserves every register but its results, and prints
 * "abi ok". Any failed check prints a line and shuts down with exit code 1.
 *
 * ABI used: svc #0, number in r7, arguments r0-r5, results r0-r3, everything else preserved;
 * kdebug (0) op 1 write(r1 = address, r2 = length), op 2 shutdown(r1 = code), op 4 exit thread;
 * system_clock (3); boot info at 0xBFFF0000: +0 magic 0x4942344C, +4 ABI version 1, +8 arch
 * 1 = arm, entries from +32 of 32 bytes (name 24, thread ID, flags); UTCB address in TPIDRURO,
 * MyGlobalId at word 100.
 */
        .syntax unified
        .arm

        .equ    SYS_KDEBUG, 0
        .equ    SYS_SYSTEM_CLOCK, 3
        .equ    KDEBUG_WRITE, 1
        .equ    KDEBUG_SHUTDOWN, 2
        .equ    KDEBUG_EXIT_THREAD, 4
        .equ    BOOTINFO, 0xBFFF0000
        .equ    BOOTINFO_MAGIC, 0x4942344C
        .equ    FIRST_ENTRY_ID, 32 + 24
        .equ    UTCB_MY_GLOBAL_ID, 100 * 4

@ print LABEL: write the string at LABEL (length LABEL_length) to the console.
        .macro  print label
        ldr     r1, =\label
        ldr     r2, =\label\()_length
        bl      write
        .endm

@ check LABEL: unless the flags say equal, print LABEL and shut down with 1.
        .macro  check label
        ldrne   r1, =\label
        ldrne   r2, =\label\()_length
        bne     fail
        .endm

        .text
        .global _start
        .type   _start, %function
_start:
        print   greeting

        ldr     r4, =BOOTINFO
        ldr     r0, [r4]
        ldr     r1, =BOOTINFO_MAGIC
        cmp     r0, r1
        check   bad_magic
        ldr     r0, [r4, #4]
        cmp     r0, #1
        check   bad_version
        ldr     r0, [r4, #8]
        cmp     r0, #1
        check   bad_arch
        print   bootinfo_ok

        @ A single ELF boots as one task with one thread: the first boot info entry.
        mrc     p15, 0, r0, c13, c0, 3
        ldr     r0, [r0, #UTCB_MY_GLOBAL_ID]
        ldr     r1, [r4, #FIRST_ENTRY_ID]
        cmp     r0, r1
        check   bad_utcb
        print   utcb_ok

        @ Fill every non-result register with a known value, make a call, compare.
        mov     r4, #0x44
        mov     r5, #0x55
        mov     r6, #0x66
        mov     r8, #0x88
        mov     r9, #0x99
        mov     r10, #0xAA
        mov     r11, #0xBB
        mov     r12, sp
        mov     lr, #0xEE
        mov     r7, #SYS_SYSTEM_CLOCK
        svc     #0
        cmp     r4, #0x44
        cmpeq   r5, #0x55
        cmpeq   r6, #0x66
        cmpeq   r7, #SYS_SYSTEM_CLOCK
        cmpeq   r8, #0x88
        cmpeq   r9, #0x99
        cmpeq   r10, #0xAA
        cmpeq   r11, #0xBB
        cmpeq   r12, sp
        cmpeq   lr, #0xEE
        check   clobbered
        print   registers_ok

        print   abi_ok
        mov     r0, #KDEBUG_EXIT_THREAD
        mov     r7, #SYS_KDEBUG
        svc     #0
1:      b       1b

@ write: r1 = address, r2 = length. Uses r0 and r7.
write:
        mov     r0, #KDEBUG_WRITE
        mov     r7, #SYS_KDEBUG
        svc     #0
        bx      lr

@ fail: r1/r2 = the message; prints it and shuts down with exit code 1.
fail:
        bl      write
        mov     r0, #KDEBUG_SHUTDOWN
        mov     r1, #1
        mov     r7, #SYS_KDEBUG
        svc     #0
1:      b       1b
        .size   _start, . - _start

        .pool

        .section .rodata, "a"
        .macro  string label, text
\label:
        .ascii  "\text"
        .equ    \label\()_length, . - \label
        .endm

        string  greeting,      "abi_raw: hello through kdebug write\n"
        string  bootinfo_ok,   "abi_raw: boot info magic, version and arch ok\n"
        string  utcb_ok,       "abi_raw: UTCB MyGlobalId matches the boot info entry\n"
        string  registers_ok,  "abi_raw: r4-r12, sp and lr preserved across svc\n"
        string  abi_ok,        "abi ok\n"
        string  bad_magic,     "abi_raw: FAILED: boot info magic is not 0x4942344C\n"
        string  bad_version,   "abi_raw: FAILED: boot info ABI version is not 1\n"
        string  bad_arch,      "abi_raw: FAILED: boot info arch is not 1 (arm)\n"
        string  bad_utcb,      "abi_raw: FAILED: UTCB MyGlobalId is not the boot info entry's ID\n"
        string  clobbered,     "abi_raw: FAILED: svc changed a register that is not a result\n"
