/* gettext for every string a user sees; the rules' own Chinese text is data and not translated. */
#ifndef HW_I18N_H
#define HW_I18N_H

#include <libintl.h>

#define _(text) gettext(text)
#define N_(text) (text)

#endif
