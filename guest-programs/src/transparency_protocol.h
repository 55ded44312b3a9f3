/* What the transparency client and server agree on. */
#ifndef TRANSPARENCY_PROTOCOL_H
#define TRANSPARENCY_PROTOCOL_H

#define LABEL_ECHO 0x100        /* reply: label LABEL_ECHO + 1, MR1 = u, MR2 = sum, MR3 = MR1 */
#define LABEL_BUSY 0x200        /* replied to; the server then works for BUSY_US before waiting */
#define LABEL_NO_REPLY 0x300    /* the server replies only after LATE_REPLY_US, with zero timeout */
#define LABEL_EXPECT_MORE 0x400 /* replied to; the server then waits for LABEL_MORE from the caller */
#define LABEL_MORE 0x410
#define LABEL_DONE 0x500        /* replied to; the server then exits */

#define BUSY_US 500
#define LATE_REPLY_US 600
#define MORE_TIMEOUT_US 2000    /* the server's closed wait for LABEL_MORE */
#define NOTHING_MORE_TIMEOUT_US 200 /* its second closed wait, which nothing answers */

#endif
