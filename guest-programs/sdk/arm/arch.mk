# ARMv7-A toolchain, flags and Thumb-2 choices; included by the top-level Makefile for ARCH=arm.

CROSS_COMPILE ?= arm-none-eabi-
CC := $(CROSS_COMPILE)gcc
AR := $(CROSS_COMPILE)ar
TOOLCHAIN_PACKAGE := gcc-arm-none-eabi

# Soft float: the kernel promises no VFP state to guests.
ARCH_CFLAGS  := -march=armv7-a -mfloat-abi=soft
ARCH_LDFLAGS := -Wl,-z,max-page-size=0x1000
LDSCRIPT     := sdk/arm/link.ld
CRT0         := sdk/arm/crt0.S

# Instruction sets objects are built for; a program uses DEFAULT_ISET unless ISET_<program> names another.
ISETS           := a32 t32
DEFAULT_ISET    := a32
ISET_CFLAGS_a32 := -marm
ISET_CFLAGS_t32 := -mthumb

# Thumb-2 builds, so that a Thumb entry (bit 0 of the ELF entry) and a Thumb task talking to an
# ARM task are exercised: pong.elf, and hello_thumb.elf from hello.c.
ISET_pong          := t32
EXTRA_PROGRAMS     := hello_thumb
SOURCE_hello_thumb := hello
ISET_hello_thumb   := t32
