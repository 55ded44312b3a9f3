# IA-32 toolchain and flags; included by the top-level Makefile for ARCH=x86. The host's gcc
# builds 32-bit freestanding code with the multilib 32-bit libgcc.

CC := gcc
AR := ar
TOOLCHAIN_PACKAGE := gcc-multilib
# gcc is found on any build machine; its 32-bit libgcc only with gcc-multilib.
TOOLCHAIN_CHECK := test -f "$$($(CC) -m32 -print-libgcc-file-name)"

# -mgeneral-regs-only: no x87, MMX or SSE code, so threads have no floating-point state (the
# kernel keeps none; the machine makes such instructions fault). Static non-PIE code at fixed
# addresses, no stack protector (it reads %gs:20, which is not a canary here), no CET markers.
ARCH_CFLAGS  := -m32 -march=i686 -mgeneral-regs-only -fno-pie -fno-stack-protector \
                -fcf-protection=none -fno-asynchronous-unwind-tables
ARCH_LDFLAGS := -no-pie -Wl,-z,max-page-size=0x1000 -Wl,-z,noexecstack
LDSCRIPT     := sdk/x86/link.ld
CRT0         := sdk/x86/crt0.S

# One instruction set.
ISETS            := i386
DEFAULT_ISET     := i386
ISET_CFLAGS_i386 :=
