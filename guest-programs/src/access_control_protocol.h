/* What the access-control monitor and its demo client agree on. */
#ifndef ACCESS_CONTROL_PROTOCOL_H
#define ACCESS_CONTROL_PROTOCOL_H

#define LABEL_READ 0x10
#define LABEL_WRITE 0x11
#define LABEL_DELETE 0x12 /* denied */
#define LABEL_FORMAT 0x13 /* denied */
#define ACCESS_DENIED 0xAC1

#endif
