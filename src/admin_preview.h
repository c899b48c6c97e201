/*
 * Previews (admin_preview.c): an item rendered exactly as its public page
 * will be, from its saved state or from the edit form's unsaved one, and
 * partner preview links.  The handlers are declared in admin.h; this is
 * what the edit page shares.
 */
#ifndef ADMIN_PREVIEW_H
#define ADMIN_PREVIEW_H

struct	admin;
struct	view;

/*
 * Adds the preview links of item item_id to v inside the current
 * element, for the item's edit page:
 *
 *   <previews item="ID" action="{base}/admin/items/ID/previews"
 *       days="DEFAULT" may-share="1"?>
 *     <link id="" note="" by="" state="live|expired|revoked"
 *         revoke="{base}/admin/items/ID/previews/LID/revoke"?>
 *       <created>RFC 3339</created> <expires/> <revoked/> <last-used/>
 *     </link> ...
 *   </previews>
 *
 * may-share says the user may create and revoke links (editors and the
 * item's author); revoke is set on live links only.  Tokens are never
 * shown again: only their hashes are stored.  If the links cannot be
 * read, <previews error="1"> is added (logged).  templates/admin-preview.xsl
 * renders it (match="previews").
 */
void	admin_preview_links_view(struct admin *, struct view *,
	    long long item_id);

#endif /* !ADMIN_PREVIEW_H */
