package org.l4emu.kernel.syscall;

import org.l4emu.kernel.memory.Fpage;
import org.l4emu.kernel.memory.MappingDatabase;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;

/**
 * unmap(fpage, flags): revokes the fpage's rights (bits 2..0, as in L4 X.2) from every mapping
 * derived from the caller's pages in it, recursively; flags bit 0 also from the caller's own.
 * Pages holding UTCBs stay in their own task. No result: a bad fpage changes nothing.
 */
public final class UnmapCall {
    private static final int INCLUDING_OWN = 1;

    private final MappingDatabase mappings;

    public UnmapCall(MappingDatabase mappings) {
        this.mappings = mappings;
    }

    public void call(Thread caller, int fpageWord, int flags) {
        if (!Fpage.isValid(fpageWord)) {
            return;
        }
        Fpage fpage = Fpage.of(fpageWord);
        if (fpage.isNil()) {
            return;
        }
        Task task = caller.task();
        boolean own = (flags & INCLUDING_OWN) != 0;
        for (int page : mappings.mappedPages(task, fpage.base(), fpage.size())) {
            mappings.unmap(task, page, fpage.rights(), own && !task.isUtcbPage(page));
        }
    }
}
