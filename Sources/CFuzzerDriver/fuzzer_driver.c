/* Declarations only: libFuzzer itself comes from -sanitize=fuzzer (scripts/fuzz.sh). */
#include "fuzzer_driver.h"
