package org.l4emu.emulator.arm;

/**
 * The short-descriptor fault status register format (DFSR/IFSR) that QEMU records for an abort:
 * FS[4] at bit 10, FS[3:0] at bits 3:0, WnR at bit 11.
 */
final class FaultStatus {
    private static final int WRITE_NOT_READ = 1 << 11;

    private static final int ALIGNMENT = 0b00001;
    private static final int ACCESS_FLAG_SECTION = 0b00011;
    private static final int ACCESS_FLAG_PAGE = 0b00110;
    private static final int TRANSLATION_SECTION = 0b00101;
    private static final int TRANSLATION_PAGE = 0b00111;
    private static final int DOMAIN_SECTION = 0b01001;
    private static final int DOMAIN_PAGE = 0b01011;
    private static final int PERMISSION_SECTION = 0b01101;
    private static final int PERMISSION_PAGE = 0b01111;

    private FaultStatus() {
    }

    static int status(int fsr) {
        return (fsr & 0xF) | ((fsr >>> 6) & 0x10);
    }

    static boolean isWrite(int fsr) {
        return (fsr & WRITE_NOT_READ) != 0;
    }

    static boolean isAlignment(int fsr) {
        return status(fsr) == ALIGNMENT;
    }

    static boolean isTranslation(int fsr) {
        int status = status(fsr);
        return status == TRANSLATION_SECTION || status == TRANSLATION_PAGE;
    }

    /** A fault that mapping the page with the needed rights cures: what the kernel calls a page fault. */
    static boolean isPageFault(int fsr) {
        return switch (status(fsr)) {
            case TRANSLATION_SECTION, TRANSLATION_PAGE, PERMISSION_SECTION, PERMISSION_PAGE, ACCESS_FLAG_SECTION,
                    ACCESS_FLAG_PAGE, DOMAIN_SECTION, DOMAIN_PAGE -> true;
            default -> false;
        };
    }
}
