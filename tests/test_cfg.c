#include "check.h"
int main(void);
int main(void) { return CHECK_DONE(); }
