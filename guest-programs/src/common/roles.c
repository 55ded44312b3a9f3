#include "roles.h"

void play_my_role(const struct role *roles, l4_word count)
{
    for (l4_word i = 0; i < count; i++) {
        if (l4_lookup(roles[i].name) == l4_myself()) {
            roles[i].play();
            l4_exit_thread();
        }
    }
    char name[L4_NAME_SIZE];
    l4_printf("no role for %s in this scenario\n", l4_name_of(l4_myself(), name));
    l4_shutdown(1);
}
