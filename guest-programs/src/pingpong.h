/* What ping and pong agree on. */
#ifndef PINGPONG_H
#define PINGPONG_H

#define PING_ROUNDS 5
#define LABEL_PING 1   /* MR1 = round number */
#define LABEL_PONG 2   /* MR1 = round number * 10 */

#endif
