/* Entry of a C guest: the kernel starts the task's first thread here with sp = 0xBFF00000.
   Assembled for the program's instruction set, so a Thumb build gets a Thumb entry (bit 0 set). */
        .syntax unified
#ifdef __thumb__
        .thumb
#else
        .arm
#endif
        .section .text.start, "ax", %progbits
        .global _start
        .type   _start, %function
#ifdef __thumb__
        .thumb_func
#endif
_start:
        bl      main
        mov     r0, #4          @ kdebug op 4: exit the calling thread
        mov     r7, #0          @ system call 0: kdebug
        svc     #0
1:      b       1b              @ not reached: the thread no longer exists
        .size   _start, . - _start
