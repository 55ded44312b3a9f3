/* Timeouts (docs/abi.md section 3, ipc): a 16-bit value, 0 = never; otherwise m (bits 9..0) times
   2^e (bits 14..10) microseconds of virtual time, so m = 0 with e >= 1 is zero (do not block).
   Bit 15 must be 0. The timeouts word of ipc is send << 16 | receive. */
#ifndef L4_TIMEOUT_H
#define L4_TIMEOUT_H

#include <l4/types.h>
#include <l4/abi.h> /* L4_TIMEOUT_NEVER, L4_TIMEOUT_ZERO (m = 0, e = 1), L4_TIMEOUT_... */

typedef l4_word l4_timeout;

#define L4_TIMEOUT_MANTISSA_MAX L4_TIMEOUT_MANTISSA_MASK

/* The shortest timeout of at least `us` microseconds: exact when us fits the mantissa after
   shifting out only zero bits, else rounded up to the next multiple of 2^e. 0 gives zero.
   Every 32-bit value is representable (e <= 23). */
static inline l4_timeout l4_timeout_us(l4_word us)
{
    if (us == 0)
        return L4_TIMEOUT_ZERO;
    l4_word exponent = 0;
    l4_word mantissa = us;
    while (mantissa > L4_TIMEOUT_MANTISSA_MAX) {
        exponent++;
        mantissa = (us >> exponent) + ((us & ((1u << exponent) - 1)) != 0);
    }
    return exponent << L4_TIMEOUT_EXPONENT_SHIFT | mantissa << L4_TIMEOUT_MANTISSA_SHIFT;
}

/* The length of a timeout other than never, in microseconds. */
static inline l4_u64 l4_timeout_period_us(l4_timeout timeout)
{
    return (l4_u64)((timeout >> L4_TIMEOUT_MANTISSA_SHIFT) & L4_TIMEOUT_MANTISSA_MASK)
        << ((timeout >> L4_TIMEOUT_EXPONENT_SHIFT) & L4_TIMEOUT_EXPONENT_MASK);
}

static inline l4_word l4_timeouts(l4_timeout send, l4_timeout receive)
{
    return (send & L4_TIMEOUT_SEND_MASK) << L4_TIMEOUT_SEND_SHIFT
        | (receive & L4_TIMEOUT_RECEIVE_MASK) << L4_TIMEOUT_RECEIVE_SHIFT;
}

#endif
