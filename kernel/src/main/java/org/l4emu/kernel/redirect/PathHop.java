package org.l4emu.kernel.redirect;

import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.system.MonitorClass;

/** One monitor on a message's path, with the class of the rule that put it there. */
public record PathHop(Thread monitor, MonitorClass monitorClass) {}
