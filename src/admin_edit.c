/* placeholder: being written */
#include "config.h"

#include "admin.h"

int
admin_item_edit_form(struct admin *a, struct out *o)
{
	(void)a;
	(void)o;
	return 501;
}

int
admin_item_edit_post(struct admin *a, struct out *o)
{
	(void)a;
	(void)o;
	return 501;
}

