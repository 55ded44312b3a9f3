/* Two tasks run this image, "left" and "right"; each waits for a message from the other, so
   neither ever sends: the kernel reports a deadlock and `l4emu boot` exits with 3. */
#include <l4.h>

int main(void)
{
    l4_thread_id left = l4_lookup("left");
    l4_thread_id peer = l4_myself() == left ? l4_lookup("right") : left;
    l4_print("deadlock: waiting for my peer\n");
    l4_receive(peer);
    l4_print("deadlock: unreachable\n");
    return 0;
}
