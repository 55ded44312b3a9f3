package org.l4emu.kernel.syscall;

import org.l4emu.abi.Abi;
import org.l4emu.kernel.memory.Fpage;
import org.l4emu.kernel.memory.MappingDatabase;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;

/**
 * unmap(fpage, flags): revokes the fpage's rights (bits 2..0, as in L4 X.2) from every mapping
 * derived from the caller's pages in it, recursively; flags bit 0 also from the caller's own.
 * The task's kernel-owned pages (UTCBs, boot info) stay in it. unmap has no result register;
 * an invalid fpage (misaligned, size field out of range) or a flag bit the ABI does not define
 * changes nothing and, as an unknown system call does, sets the first result register to 9 (S5,
 * P2), as undefined bits in the other calls' control words are bad arguments.
 */
public final class UnmapCall {
    private final MappingDatabase mappings;

    public UnmapCall(MappingDatabase mappings) {
        this.mappings = mappings;
    }

    /** Returns false, changing nothing, when the fpage or the flags are invalid. */
    public boolean call(Thread caller, int fpageWord, int flags) {
        if (!Fpage.isValid(fpageWord) || (flags & ~Abi.Unmap.ALSO_OWN) != 0) {
            return false;
        }
        Fpage fpage = Fpage.of(fpageWord);
        if (fpage.isNil()) {
            return true;
        }
        Task task = caller.task();
        boolean own = (flags & Abi.Unmap.ALSO_OWN) != 0;
        for (int page : mappings.mappedPages(task, fpage.base(), fpage.size())) {
            mappings.unmap(task, page, fpage.rights(), own); // kernel-owned pages stay (MappingDatabase)
        }
        return true;
    }
}
