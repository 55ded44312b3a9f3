package org.l4emu.tools.trace;

import java.util.ArrayList;
import java.util.List;

/** Every thread an event names: its own thread, then partners (destination, sender, monitor, ...). */
public final class EventParticipants {
    private EventParticipants() {}

    public static List<String> of(TraceEvent event) {
        List<String> names = new ArrayList<>();
        if (event.thread() != null) {
            names.add(event.thread().name());
        }
        switch (event.detail()) {
            case EventDetail.Send send -> names.add(send.to().name());
            case EventDetail.Redirect redirect -> {
                names.add(redirect.monitor().name());
                names.add(redirect.intendedReceiver().name());
                names.add(redirect.trueSource().name());
            }
            case EventDetail.Deliver deliver -> {
                if (deliver.sender() != null) {
                    names.add(deliver.sender().name());
                }
                names.add(deliver.from().name());
            }
            case EventDetail.Notify notify -> {
                names.add(notify.blockedSource().name());
                names.add(notify.trueSource().name());
                names.add(notify.finalReceiver().name());
            }
            default -> { }
        }
        return names;
    }

    /** The tasks of the threads an event names (a thread "t.worker" belongs to task "t"). */
    public static List<String> tasksOf(TraceEvent event) {
        return of(event).stream().map(name -> name.contains(".") ? name.substring(0, name.indexOf('.')) : name)
                .toList();
    }
}
