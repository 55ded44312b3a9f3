/* What the server and its clients agree on. */
#ifndef SERVER_PROTOCOL_H
#define SERVER_PROTOCOL_H

#define CLIENT_COUNT 3
#define REQUESTS_PER_CLIENT 3
#define LABEL_REQUEST 1   /* MR1 = the client's request number; reply MR1 = the server's count */
#define LABEL_DONE 2      /* the client has no more requests */

#endif
