/* Entry of a C guest: the kernel starts the task's first thread here with esp = 0xBFF00000,
   which is 16-byte aligned as the i386 ABI wants it before a call. */
        .section .text.start, "ax", @progbits
        .global _start
        .type   _start, @function
_start:
        call    main
        movl    $4, %ebx        # kdebug op 4: exit the calling thread
        xorl    %eax, %eax      # system call 0: kdebug
        int     $0x80
1:      jmp     1b              # not reached: the thread no longer exists
        .size   _start, . - _start
