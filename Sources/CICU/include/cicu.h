#ifndef NEWS_EXTRACT_CICU_H
#define NEWS_EXTRACT_CICU_H

/* A small binding of the system ICU (libicu-dev). Only plain C types cross this
 * header, so Swift never sees ICU's versioned symbol names or its headers. */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* UTF-8 -> UTF-16 with u_strFromUTF8. Returns the UTF-16 length written, or -1 on
 * an ICU error (invalid UTF-8 is reported by the caller's own validation first).
 * With dest == NULL / destCapacity == 0, returns the length needed. */
int32_t cicu_utf8_to_utf16(const char *src, int32_t srcLength,
                           uint16_t *dest, int32_t destCapacity);

/* Break iterators. kind: 0 = word, 1 = sentence. locale e.g. "en".
 * Returns an opaque handle or NULL. */
void *cicu_break_open(int32_t kind, const char *locale);
/* A new iterator with the same rules, for another thread (ubrk_clone). */
void *cicu_break_clone(const void *iterator);
void cicu_break_close(void *iterator);
/* Sets the text; returns 0 on success. The text must outlive its use. */
int32_t cicu_break_set_text(void *iterator, const uint16_t *text, int32_t length);
int32_t cicu_break_first(void *iterator);
/* Next boundary, or -1 at the end. */
int32_t cicu_break_next(void *iterator);
/* The rule status of the boundary just returned (word kinds: 0 none, 100 number,
 * 200 letter, 300 kana, 400 ideo). */
int32_t cicu_break_rule_status(const void *iterator);

/* NFKC with case folding (NFKC_Casefold) of a UTF-16 string. Returns the length
 * written, the length needed when it exceeds destCapacity, or -1 on error. */
int32_t cicu_nfkc_casefold(const uint16_t *src, int32_t length,
                           uint16_t *dest, int32_t destCapacity);

/* English spell-out parsing ("twenty-one" -> 21). Returns 1 and sets *value when
 * the whole text parses, else 0. Opens its formatter per call: a fallback path. */
int32_t cicu_spellout_parse(const uint16_t *text, int32_t length, double *value);

/* ICU's version, e.g. "72.1". */
void cicu_version(char *dest, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
