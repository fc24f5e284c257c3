#ifndef NEWS_EXTRACT_FUZZER_DRIVER_H
#define NEWS_EXTRACT_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>
/* libFuzzer's driver entry (present when linked with -sanitize=fuzzer). */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
