/**
 * Kinds of cross-file facts spelled in more than one place (the matcher that makes them, the
 * requirement that asks for them, the link step that settles their function names).
 */

/** A failed item the function pushes onto the list it returns (`errors.append(str(e))`): the caller tells of those it got. */
export const COLLECTED_ERROR_RECORDS = 'collected-error-records';
