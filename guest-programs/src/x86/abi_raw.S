/*
 * A guest written only from docs/abi.md, with no SDK: it proves that a program that knows nothing
 * but the published ABI runs. It writes through kdebug, checks the boot info page and its own
 * UTCB, checks that a system call preserves every register but its results, and prints
 * "abi ok". Any failed check prints a line and shuts down with exit code 1.
 *
 * ABI used: int $0x80, number in eax, arguments ebx, ecx, edx, esi, edi, ebp, results eax, ebx,
 * ecx, edx, everything else preserved; kdebug (0) op 1 write(ecx = address, edx = length),
 * op 2 shutdown(ecx = code), op 4 exit thread; system_clock (3); boot info at 0xBFFF0000:
 * +0 magic 0x4942344C, +4 ABI version 1, +8 arch 2 = x86, entries from +32 of 32 bytes (name 24,
 * thread ID, flags); UTCB address at %gs:0, MyGlobalId at word 100.
 */
        .equ    SYS_KDEBUG, 0
        .equ    SYS_SYSTEM_CLOCK, 3
        .equ    KDEBUG_WRITE, 1
        .equ    KDEBUG_SHUTDOWN, 2
        .equ    KDEBUG_EXIT_THREAD, 4
        .equ    BOOTINFO, 0xBFFF0000
        .equ    BOOTINFO_MAGIC, 0x4942344C
        .equ    FIRST_ENTRY_ID, 32 + 24
        .equ    UTCB_MY_GLOBAL_ID, 100 * 4

# print LABEL: write the string at LABEL (length LABEL_length) to the console.
        .macro  print label
        movl    $\label, %ecx
        movl    $\label\()_length, %edx
        call    write
        .endm

# check LABEL: unless the flags say equal, print LABEL and shut down with 1.
        .macro  check label
        movl    $\label, %ecx
        movl    $\label\()_length, %edx
        jne     fail
        .endm

        .text
        .global _start
        .type   _start, @function
_start:
        print   greeting

        movl    $BOOTINFO, %esi
        cmpl    $BOOTINFO_MAGIC, (%esi)
        check   bad_magic
        cmpl    $1, 4(%esi)
        check   bad_version
        cmpl    $2, 8(%esi)
        check   bad_arch
        print   bootinfo_ok

        # A single ELF boots as one task with one thread: the first boot info entry.
        movl    %gs:0, %eax
        movl    UTCB_MY_GLOBAL_ID(%eax), %eax
        cmpl    FIRST_ENTRY_ID(%esi), %eax
        check   bad_utcb
        print   utcb_ok

        # Fill every non-result register with a known value, make a call, compare.
        movl    $0x5151, %esi
        movl    $0xD1D1, %edi
        movl    $0xB9B9, %ebp
        movl    %esp, saved_esp
        movl    $SYS_SYSTEM_CLOCK, %eax
        int     $0x80
        cmpl    $0x5151, %esi
        jne     1f
        cmpl    $0xD1D1, %edi
        jne     1f
        cmpl    $0xB9B9, %ebp
        jne     1f
        cmpl    saved_esp, %esp
1:      check   clobbered
        print   registers_ok

        print   abi_ok
        movl    $KDEBUG_EXIT_THREAD, %ebx
        movl    $SYS_KDEBUG, %eax
        int     $0x80
1:      jmp     1b

# write: ecx = address, edx = length. Uses eax and ebx.
write:
        movl    $KDEBUG_WRITE, %ebx
        movl    $SYS_KDEBUG, %eax
        int     $0x80
        ret

# fail: ecx/edx = the message; prints it and shuts down with exit code 1.
fail:
        call    write
        movl    $KDEBUG_SHUTDOWN, %ebx
        movl    $1, %ecx
        movl    $SYS_KDEBUG, %eax
        int     $0x80
1:      jmp     1b
        .size   _start, . - _start

        .bss
        .balign 4
saved_esp:
        .skip   4

        .section .rodata, "a"
        .macro  string label, text
\label:
        .ascii  "\text"
        .equ    \label\()_length, . - \label
        .endm

        string  greeting,      "abi_raw: hello through kdebug write\n"
        string  bootinfo_ok,   "abi_raw: boot info magic, version and arch ok\n"
        string  utcb_ok,       "abi_raw: UTCB MyGlobalId matches the boot info entry\n"
        string  registers_ok,  "abi_raw: esi, edi, ebp and esp preserved across int $0x80\n"
        string  abi_ok,        "abi ok\n"
        string  bad_magic,     "abi_raw: FAILED: boot info magic is not 0x4942344C\n"
        string  bad_version,   "abi_raw: FAILED: boot info ABI version is not 1\n"
        string  bad_arch,      "abi_raw: FAILED: boot info arch is not 2 (x86)\n"
        string  bad_utcb,      "abi_raw: FAILED: UTCB MyGlobalId is not the boot info entry's ID\n"
        string  clobbered,     "abi_raw: FAILED: int $0x80 changed a register that is not a result\n"
