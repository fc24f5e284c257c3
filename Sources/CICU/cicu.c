#include "cicu.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

int32_t cicu_utf8_to_utf16(const char *src, int32_t srcLength,
                           uint16_t *dest, int32_t destCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = 0;
    u_strFromUTF8((UChar *)dest, destCapacity, &written, src, srcLength, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
        return written;
    }
    if (U_FAILURE(status)) return -1;
    return written;
}

void *cicu_break_open(int32_t kind, const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == 1 ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *bi = ubrk_open(type, locale, NULL, 0, &status);
    if (U_FAILURE(status)) return NULL;
    return bi;
}

void *cicu_break_clone(const void *iterator) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_clone((const UBreakIterator *)iterator, &status);
    if (U_FAILURE(status)) return NULL;
    return bi;
}

void cicu_break_close(void *iterator) {
    if (iterator) ubrk_close((UBreakIterator *)iterator);
}

int32_t cicu_break_set_text(void *iterator, const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)iterator, (const UChar *)text, length, &status);
    return U_FAILURE(status) ? -1 : 0;
}

int32_t cicu_break_first(void *iterator) {
    return ubrk_first((UBreakIterator *)iterator);
}

int32_t cicu_break_next(void *iterator) {
    int32_t next = ubrk_next((UBreakIterator *)iterator);
    return next == UBRK_DONE ? -1 : next;
}

int32_t cicu_break_rule_status(const void *iterator) {
    return ubrk_getRuleStatus((UBreakIterator *)iterator);
}

int32_t cicu_nfkc_casefold(const uint16_t *src, int32_t length,
                           uint16_t *dest, int32_t destCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) return -1;
    int32_t written = unorm2_normalize(n, (const UChar *)src, length,
                                       (UChar *)dest, destCapacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return written;
    if (U_FAILURE(status)) return -1;
    return written;
}

int32_t cicu_spellout_parse(const uint16_t *text, int32_t length, double *value) {
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormat *fmt = unum_open(UNUM_SPELLOUT, NULL, 0, "en", NULL, &status);
    if (U_FAILURE(status)) return 0;
    int32_t pos = 0;
    double parsed = unum_parseDouble(fmt, (const UChar *)text, length, &pos, &status);
    unum_close(fmt);
    if (U_FAILURE(status) || pos != length) return 0;
    *value = parsed;
    return 1;
}

void cicu_version(char *dest, int32_t capacity) {
    UVersionInfo info;
    u_getVersion(info);
    char buffer[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(info, buffer);
    strncpy(dest, buffer, (size_t)capacity);
    if (capacity > 0) dest[capacity - 1] = 0;
}
