package org.l4emu.tools.check;

/** One monitor on an IPC's path, with the class of the rule that put it there. */
record Hop(ThreadModel monitor, MonitorClass monitorClass) {}
