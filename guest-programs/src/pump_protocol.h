/* What the programs of the paper's example (pump.xml) agree on. */
#ifndef PUMP_PROTOCOL_H
#define PUMP_PROTOCOL_H

#define LABEL_LOG 0x4C    /* MR1 = the entry's number, from 1 */
#define LOG_COUNT 5
#define PUMP_PERIOD_US 1000 /* the pump releases the client only at multiples of this */
#define REDIRECT_AFTER 2    /* the redirector sends entries after this many to fs2 */

#endif
