package org.l4emu.kernel.memory;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.Access;
import org.l4emu.kernel.object.Task;

/**
 * One page mapping in the mapping database: where it is, which frame, with which rights, and
 * what it was derived from. Roots belong to sigma0, which owns all physical memory.
 */
final class MappingNode {
    private Task task;
    private int page;
    private final long frame;
    private Access rights;
    private MappingNode parent;
    private final List<MappingNode> children = new ArrayList<>();

    MappingNode(Task task, int page, long frame, Access rights, MappingNode parent) {
        this.task = task;
        this.page = page;
        this.frame = frame;
        this.rights = rights;
        this.parent = parent;
    }

    Task task() {
        return task;
    }

    int page() {
        return page;
    }

    long frame() {
        return frame;
    }

    Access rights() {
        return rights;
    }

    void setRights(Access rights) {
        this.rights = rights;
    }

    MappingNode parent() {
        return parent;
    }

    List<MappingNode> children() {
        return children;
    }

    MappingNode addChild(Task childTask, int childPage, Access childRights) {
        MappingNode child = new MappingNode(childTask, childPage, frame, childRights, this);
        children.add(child);
        return child;
    }

    /** Takes {@code child}, which has no parent, as derived from this mapping. */
    void adopt(MappingNode child) {
        children.add(child);
        child.parent = this;
    }

    void detachFromParent() {
        if (parent != null) {
            parent.children.remove(this);
            parent = null;
        }
    }

    /** Grant: the same node moves to another place, keeping what was derived from it. */
    void moveTo(Task newTask, int newPage) {
        this.task = newTask;
        this.page = newPage;
    }
}
