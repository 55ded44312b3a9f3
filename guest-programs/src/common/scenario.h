/* Everything a rule scenario uses besides the SDK. */
#ifndef SCENARIO_H
#define SCENARIO_H

#include "expect.h"
#include "roles.h"
#include "signal.h"

#endif
