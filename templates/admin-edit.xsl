<?xml version="1.0" encoding="UTF-8"?>
<!--
  The item edit form and the conflict page (src/admin_edit.c).

  The view:
    /page/edit            the form's item (admin_edit_view):
        @id | @new, @kind, @lang, @status, @version, @may-edit,
        @may-publish, @visible, @scheduled, @public-path;
        title, slug, summary, body, tags, hashtag, byline,
        published-at[@input]/utc, entry-id, created-at, updated-at,
        read-only (why the user may not save),
        media-rows/row[@n @order @id @role @filename @mime
            @original-name @width @height]/(alt caption credit
            lib-alt lib-caption lib-credit),
        sig-rows/row[@n @order @org @org-name @role @signed],
        neworg[@name @short @url @role @signed],
        event[@starts-date @starts-time @ends-date @ends-time @tz
            @location @online-url @registration-url @spoken
            @interpreted]/(starts-utc ends-utc),
        speaker-rows/row[@n @order @name @role @part @org @chair],
        transitions/to[@status], translations/translation[@id @lang
        @status @slug], missing-langs/language[@code],
        choices/(languages/language[@code] orgs/org[@id @short]
        files/file[@id @filename @mime @original-name] zones/zone
        media-url)
    /page/conflict        present on the conflict page (409):
        @mine @theirs (versions), updated-at, their/(title summary body)
    /page/errors/error[@field]

  Other pages may import this stylesheet and call the named template
  "edit-form" (the new-item form does: /page/edit/@new).

  Field ids are "f-{name}" ("f-{name}-{row}" in repeated rows), so the
  error summary's links land on them.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<!-- admin-preview.xsl imports admin-layout.xsl and renders <previews>. -->
<xsl:import href="admin-preview.xsl"/>

<xsl:variable name="edit" select="/page/edit"/>
<xsl:variable name="base" select="string($site/base-url)"/>
<xsl:variable name="item-url" select="concat($base, '/admin/items/', $edit/@id)"/>

<xsl:template name="title">
  <xsl:choose>
    <xsl:when test="/page/conflict">Edit conflict: </xsl:when>
    <xsl:when test="$edit/@new">New </xsl:when>
    <xsl:otherwise>Edit: </xsl:otherwise>
  </xsl:choose>
  <xsl:choose>
    <xsl:when test="$edit/@new">
      <xsl:call-template name="kind-name">
        <xsl:with-param name="kind" select="$edit/@kind"/>
      </xsl:call-template>
    </xsl:when>
    <xsl:otherwise><xsl:value-of select="$edit/title"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="content">
  <xsl:call-template name="edit-page"/>
</xsl:template>

<xsl:template name="kind-name">
  <xsl:param name="kind"/>
  <xsl:choose>
    <xsl:when test="$kind = 'news'">news post</xsl:when>
    <xsl:when test="$kind = 'case-study'">case study</xsl:when>
    <xsl:when test="$kind = 'statement'">statement</xsl:when>
    <xsl:when test="$kind = 'event'">event</xsl:when>
    <xsl:otherwise><xsl:value-of select="$kind"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="status-name">
  <xsl:param name="status"/>
  <xsl:choose>
    <xsl:when test="$status = 'draft'">Draft</xsl:when>
    <xsl:when test="$status = 'review'">In review</xsl:when>
    <xsl:when test="$status = 'published'">Published</xsl:when>
    <xsl:when test="$status = 'archived'">Archived</xsl:when>
    <xsl:otherwise><xsl:value-of select="$status"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="lang-name">
  <xsl:param name="code"/>
  <xsl:variable name="l" select="$site/languages/language[@code = $code]"/>
  <xsl:choose>
    <xsl:when test="$l/@name">
      <xsl:value-of select="$l/@name"/>
      <xsl:text> (</xsl:text><xsl:value-of select="$code"/><xsl:text>)</xsl:text>
    </xsl:when>
    <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- The whole page: heading, conflict, status, the form, workflow. -->
<xsl:template name="edit-page">
  <h1>
    <xsl:choose>
      <xsl:when test="/page/conflict">Someone saved this item while you were editing</xsl:when>
      <xsl:when test="$edit/@new">
        <xsl:text>New </xsl:text>
        <xsl:call-template name="kind-name">
          <xsl:with-param name="kind" select="$edit/@kind"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>Edit </xsl:text>
        <xsl:call-template name="kind-name">
          <xsl:with-param name="kind" select="$edit/@kind"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </h1>
  <xsl:apply-templates select="/page/conflict"/>
  <xsl:if test="not($edit/@new)">
    <xsl:call-template name="item-summary"/>
  </xsl:if>
  <xsl:if test="$edit/read-only">
    <div class="warning" role="note">
      <p>
        <xsl:value-of select="$edit/read-only"/>
        <xsl:text> You can read the item, but not save changes.</xsl:text>
      </p>
    </div>
  </xsl:if>
  <xsl:call-template name="edit-form"/>
  <xsl:if test="not($edit/@new)">
    <xsl:call-template name="workflow"/>
    <xsl:call-template name="translations"/>
    <xsl:apply-templates select="/page/previews"/>
    <xsl:if test="$me/@role = 'admin' and $edit/@status = 'archived'">
      <section aria-labelledby="purge-h" class="purge">
        <h2 id="purge-h">Delete for good</h2>
        <p class="hint">The item is archived. Deleting it removes it and
        all its revisions; the audit log keeps a record. This cannot be
        undone.</p>
        <form method="post" action="{$item-url}/purge">
          <xsl:call-template name="csrf-field"/>
          <p><button type="submit" class="danger">Delete this item for good</button></p>
        </form>
      </section>
    </xsl:if>
  </xsl:if>
</xsl:template>

<!-- The conflict: their saved text beside mine. -->
<xsl:template match="conflict">
  <div class="error-summary" role="alert" id="conflict">
    <h2>Your changes were not saved yet</h2>
    <p>
      <xsl:text>You edited version </xsl:text>
      <xsl:value-of select="@mine"/>
      <xsl:text>, but version </xsl:text>
      <xsl:value-of select="@theirs"/>
      <xsl:text> was saved </xsl:text>
      <xsl:call-template name="when">
        <xsl:with-param name="t" select="updated-at"/>
      </xsl:call-template>
      <xsl:text>. Nothing was overwritten. Compare the texts below; your
      own text is in the form, unchanged. Saving the form now replaces
      version </xsl:text>
      <xsl:value-of select="@theirs"/>
      <xsl:text> with your text (every version stays in the </xsl:text>
      <a href="{$item-url}/revisions">revisions</a>
      <xsl:text>).</xsl:text>
    </p>
  </div>
  <section aria-labelledby="compare-h">
    <h2 id="compare-h">The saved version and yours</h2>
    <div class="side-by-side">
      <div>
        <h3>Saved (version <xsl:value-of select="@theirs"/>)</h3>
        <p class="label">Title</p>
        <p><xsl:value-of select="their/title"/></p>
        <p class="label">Summary</p>
        <pre><xsl:value-of select="their/summary"/></pre>
        <p class="label">Body</p>
        <pre><xsl:value-of select="their/body"/></pre>
      </div>
      <div>
        <h3>Yours (not saved)</h3>
        <p class="label">Title</p>
        <p><xsl:value-of select="$edit/title"/></p>
        <p class="label">Summary</p>
        <pre><xsl:value-of select="$edit/summary"/></pre>
        <p class="label">Body</p>
        <pre><xsl:value-of select="$edit/body"/></pre>
      </div>
    </div>
  </section>
</xsl:template>

<!-- Where the item stands, and links. -->
<xsl:template name="item-summary">
  <p class="item-meta">
    <span class="status status-{$edit/@status}">
      <xsl:choose>
        <xsl:when test="$edit/@scheduled">Scheduled</xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="status-name">
            <xsl:with-param name="status" select="$edit/@status"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </span>
    <xsl:if test="$edit/@scheduled">
      <xsl:text> for </xsl:text>
      <xsl:call-template name="when">
        <xsl:with-param name="t" select="$edit/published-at/utc"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:text> · </xsl:text>
    <xsl:call-template name="lang-name">
      <xsl:with-param name="code" select="$edit/@lang"/>
    </xsl:call-template>
    <xsl:text> · Version </xsl:text>
    <xsl:value-of select="$edit/@version"/>
    <xsl:if test="$edit/updated-at">
      <xsl:text>, saved </xsl:text>
      <xsl:call-template name="when">
        <xsl:with-param name="t" select="$edit/updated-at"/>
      </xsl:call-template>
    </xsl:if>
  </p>
  <p class="item-address">
    <xsl:text>Public address: </xsl:text>
    <code><xsl:value-of select="concat($base, $edit/@public-path)"/></code>
    <xsl:if test="not($edit/@visible)"> (not public yet)</xsl:if>
  </p>
  <p class="item-links">
    <a href="{$item-url}/revisions">Revisions</a>
    <xsl:text> · </xsl:text>
    <a href="{$item-url}/preview">Preview the saved version</a>
    <xsl:if test="$edit/@visible">
      <xsl:text> · </xsl:text>
      <a href="{$base}{$edit/@public-path}">View on the public site</a>
    </xsl:if>
  </p>
</xsl:template>

<!--
  The form.  Its fields keep what the editor typed when it comes back with
  errors or a conflict.
-->
<xsl:template name="edit-form">
  <xsl:variable name="action">
    <xsl:choose>
      <xsl:when test="$edit/@new"><xsl:value-of select="concat($base, '/admin/items/new')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$item-url"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <form method="post" action="{$action}" class="edit-form" id="edit-form"
      data-item="{$edit/@id}" data-version="{$edit/@version}"
      data-kind="{$edit/@kind}">
    <xsl:if test="/page/notice/@code = 'saved' or /page/notice/@code = 'created' or /page/notice/@code = 'held-saved'">
      <xsl:attribute name="data-saved">1</xsl:attribute>
    </xsl:if>
    <xsl:call-template name="csrf-field"/>
    <xsl:choose>
      <xsl:when test="$edit/@new">
        <input type="hidden" name="kind" value="{$edit/@kind}"/>
      </xsl:when>
      <xsl:otherwise>
        <input type="hidden" name="version" value="{$edit/@version}"/>
      </xsl:otherwise>
    </xsl:choose>

    <fieldset>
      <legend>Text</legend>
      <xsl:if test="$edit/@new">
        <xsl:call-template name="select-lang"/>
      </xsl:if>
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'title'"/>
        <xsl:with-param name="label" select="'Title'"/>
        <xsl:with-param name="value" select="$edit/title"/>
        <xsl:with-param name="required" select="'1'"/>
        <xsl:with-param name="maxlength" select="'500'"/>
        <xsl:with-param name="lang" select="$edit/@lang"/>
      </xsl:call-template>
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'slug'"/>
        <xsl:with-param name="label" select="'Slug (the last part of the address)'"/>
        <xsl:with-param name="value" select="$edit/slug"/>
        <xsl:with-param name="maxlength" select="'200'"/>
        <xsl:with-param name="hint">
          <xsl:text>Lower-case letters a-z, digits and hyphens. Leave it empty to make one from the title.</xsl:text>
          <xsl:if test="not($edit/@new)"> If you change it, the old address keeps leading here.</xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="textarea">
        <xsl:with-param name="name" select="'summary'"/>
        <xsl:with-param name="label" select="'Summary'"/>
        <xsl:with-param name="value" select="$edit/summary"/>
        <xsl:with-param name="rows" select="'3'"/>
        <xsl:with-param name="hint" select="'One or two sentences for listings, feeds and search results.'"/>
        <xsl:with-param name="lang" select="$edit/@lang"/>
      </xsl:call-template>
      <xsl:call-template name="body-field"/>
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'tags'"/>
        <xsl:with-param name="label" select="'Tags'"/>
        <xsl:with-param name="value" select="$edit/tags"/>
        <xsl:with-param name="hint" select="'Separate tags with commas. New tags are created in the language of the item.'"/>
        <xsl:with-param name="lang" select="$edit/@lang"/>
      </xsl:call-template>
      <xsl:if test="$edit/@kind = 'news'">
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'hashtag'"/>
          <xsl:with-param name="label" select="'Campaign hashtag'"/>
          <xsl:with-param name="value" select="$edit/hashtag"/>
          <xsl:with-param name="maxlength" select="'101'"/>
          <xsl:with-param name="hint" select="'Without the #: letters, digits and underscores, e.g. SupportDontPunish.'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'byline'"/>
        <xsl:with-param name="label" select="'Byline'"/>
        <xsl:with-param name="value" select="$edit/byline"/>
        <xsl:with-param name="maxlength" select="'200'"/>
        <xsl:with-param name="hint" select="'The author as readers see it; may be empty.'"/>
      </xsl:call-template>
    </fieldset>

    <fieldset>
      <legend>Publication time</legend>
      <xsl:choose>
        <xsl:when test="$edit/@may-publish">
          <xsl:call-template name="input">
            <xsl:with-param name="name" select="'published_at'"/>
            <xsl:with-param name="label" select="'Published at (UTC)'"/>
            <xsl:with-param name="type" select="'datetime-local'"/>
            <xsl:with-param name="value" select="$edit/published-at/@input"/>
            <xsl:with-param name="hint" select="'Date and time in UTC, not your local time. For a published item, a future time schedules it: it appears on the site and in its feeds at that time. Publishing itself is done with the buttons below the form.'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p>
            <xsl:choose>
              <xsl:when test="$edit/published-at/utc">
                <xsl:call-template name="when">
                  <xsl:with-param name="t" select="$edit/published-at/utc"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:otherwise>Not set.</xsl:otherwise>
            </xsl:choose>
            <xsl:text> An editor sets the publication time.</xsl:text>
          </p>
        </xsl:otherwise>
      </xsl:choose>
    </fieldset>

    <xsl:call-template name="media-fields"/>
    <xsl:if test="$edit/@kind = 'statement'">
      <xsl:call-template name="signatory-fields"/>
    </xsl:if>
    <xsl:if test="$edit/@kind = 'event'">
      <xsl:call-template name="event-fields"/>
      <xsl:call-template name="speaker-fields"/>
    </xsl:if>

    <div class="actions">
      <xsl:if test="$edit/@may-edit or $edit/@new">
        <button type="submit" class="primary" name="save" value="1">Save</button>
      </xsl:if>
      <xsl:variable name="preview">
        <xsl:choose>
          <xsl:when test="$edit/@new"><xsl:value-of select="concat($base, '/admin/items/new/preview')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat($item-url, '/preview')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <button type="submit" formaction="{$preview}" formtarget="_blank"
          name="preview" value="1">Preview (opens a new tab)</button>
    </div>
  </form>
</xsl:template>

<xsl:template name="body-field">
  <xsl:variable name="err" select="/page//errors/error[@field = 'body']"/>
  <div class="field">
    <xsl:if test="$err"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
    <label for="f-body">Body</label>
    <p class="hint" id="h-body">Markdown: a blank line between paragraphs, ## for a heading, **bold**, *italic*, [a link](https://example.org), - for a list. Preview shows it as readers will see it.</p>
    <xsl:call-template name="field-error">
      <xsl:with-param name="name" select="'body'"/>
    </xsl:call-template>
    <textarea id="f-body" name="body" rows="20" class="body" lang="{$edit/@lang}">
      <xsl:attribute name="aria-describedby">
        <xsl:text>h-body</xsl:text>
        <xsl:if test="$err"> e-body</xsl:if>
      </xsl:attribute>
      <xsl:if test="$err"><xsl:attribute name="aria-invalid">true</xsl:attribute></xsl:if>
      <xsl:value-of select="$edit/body"/>
    </textarea>
  </div>
</xsl:template>

<!-- A select with a label, hint and error, as the layout's "input". -->
<xsl:template name="select-lang">
  <xsl:variable name="err" select="/page//errors/error[@field = 'lang']"/>
  <div class="field">
    <xsl:if test="$err"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
    <label for="f-lang">Language</label>
    <xsl:call-template name="field-error">
      <xsl:with-param name="name" select="'lang'"/>
    </xsl:call-template>
    <select id="f-lang" name="lang">
      <xsl:if test="$err">
        <xsl:attribute name="aria-invalid">true</xsl:attribute>
        <xsl:attribute name="aria-describedby">e-lang</xsl:attribute>
      </xsl:if>
      <xsl:for-each select="$edit/choices/languages/language">
        <option value="{@code}">
          <xsl:if test="@code = $edit/@lang"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
          <xsl:call-template name="lang-name">
            <xsl:with-param name="code" select="@code"/>
          </xsl:call-template>
        </option>
      </xsl:for-each>
    </select>
  </div>
</xsl:template>

<!--
  One field of a repeated row: its id and error are per row
  ("f-sig_role-2", error "sig_role-2"), its name is shared ("sig_role").
-->
<xsl:template name="row-input">
  <xsl:param name="name"/>
  <xsl:param name="n"/>
  <xsl:param name="label"/>
  <xsl:param name="value"/>
  <xsl:param name="type" select="'text'"/>
  <xsl:param name="maxlength"/>
  <xsl:param name="hint"/>
  <xsl:param name="lang"/>
  <xsl:param name="list"/>
  <xsl:variable name="f" select="concat($name, '-', $n)"/>
  <xsl:variable name="err" select="/page//errors/error[@field = $f]"/>
  <div class="field">
    <xsl:if test="$err"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
    <label for="f-{$f}"><xsl:value-of select="$label"/></label>
    <xsl:if test="string($hint) != ''">
      <p class="hint" id="h-{$f}"><xsl:value-of select="$hint"/></p>
    </xsl:if>
    <xsl:call-template name="field-error">
      <xsl:with-param name="name" select="$f"/>
    </xsl:call-template>
    <input id="f-{$f}" name="{$name}" type="{$type}" value="{$value}">
      <xsl:call-template name="field-attrs">
        <xsl:with-param name="name" select="$f"/>
        <xsl:with-param name="hint" select="$hint"/>
        <xsl:with-param name="err" select="boolean($err)"/>
        <xsl:with-param name="maxlength" select="$maxlength"/>
        <xsl:with-param name="lang" select="$lang"/>
      </xsl:call-template>
      <xsl:if test="string($list) != ''">
        <xsl:attribute name="list"><xsl:value-of select="$list"/></xsl:attribute>
      </xsl:if>
    </input>
  </div>
</xsl:template>

<!-- The organisation select of a repeated row. -->
<xsl:template name="row-org">
  <xsl:param name="name"/>
  <xsl:param name="n"/>
  <xsl:param name="label"/>
  <xsl:param name="value"/>
  <xsl:param name="none" select="'(none)'"/>
  <xsl:variable name="f" select="concat($name, '-', $n)"/>
  <xsl:variable name="err" select="/page//errors/error[@field = $f]"/>
  <div class="field">
    <xsl:if test="$err"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
    <label for="f-{$f}"><xsl:value-of select="$label"/></label>
    <xsl:call-template name="field-error">
      <xsl:with-param name="name" select="$f"/>
    </xsl:call-template>
    <select id="f-{$f}" name="{$name}">
      <xsl:if test="$err">
        <xsl:attribute name="aria-invalid">true</xsl:attribute>
        <xsl:attribute name="aria-describedby">e-<xsl:value-of select="$f"/></xsl:attribute>
      </xsl:if>
      <option value=""><xsl:value-of select="$none"/></option>
      <xsl:for-each select="$edit/choices/orgs/org">
        <option value="{@id}">
          <xsl:if test="string(@id) = string($value)"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
          <xsl:value-of select="."/>
          <xsl:if test="@short">
            <xsl:text> (</xsl:text><xsl:value-of select="@short"/><xsl:text>)</xsl:text>
          </xsl:if>
        </option>
      </xsl:for-each>
    </select>
  </div>
</xsl:template>

<!-- The order number of a repeated row. -->
<xsl:template name="row-order">
  <xsl:param name="name"/>
  <xsl:param name="n"/>
  <xsl:param name="value"/>
  <div class="field order">
    <label for="f-{$name}-{$n}">Order</label>
    <input id="f-{$name}-{$n}" name="{$name}" type="number" min="1"
        max="999" value="{$value}"/>
  </div>
</xsl:template>

<!-- Files from the media library: gallery, hero image, attachments. -->
<xsl:template name="media-fields">
  <fieldset id="f-media">
    <legend>Pictures and files</legend>
    <p class="hint">
      <xsl:choose>
        <xsl:when test="$edit/@kind = 'news'">The gallery shows pictures under the post; the hero image sits at the top. </xsl:when>
        <xsl:when test="$edit/@kind = 'case-study'">Attach the full case study (PDF) as an attachment; a hero image is optional. </xsl:when>
        <xsl:otherwise>A hero image sits at the top of the page; attachments are offered for download. </xsl:otherwise>
      </xsl:choose>
      <xsl:text>Pick files from the library, or </xsl:text>
      <a href="{$base}/admin/media/">upload a new one</a>
      <xsl:text>. Alt text, caption and credit left empty use the library's own. To remove a file, choose "(none)". Empty rows are ignored.</xsl:text>
    </p>
    <xsl:for-each select="$edit/media-rows/row">
      <xsl:variable name="n" select="@n"/>
      <xsl:variable name="f" select="concat('media_id-', $n)"/>
      <xsl:variable name="err" select="/page//errors/error[@field = $f]"/>
      <fieldset class="media-row">
        <legend>
          <xsl:text>File </xsl:text>
          <xsl:value-of select="$n"/>
          <xsl:if test="@original-name">
            <xsl:text>: </xsl:text>
            <xsl:value-of select="@original-name"/>
          </xsl:if>
        </legend>
        <xsl:if test="@filename and starts-with(@mime, 'image/')">
          <img class="thumb" src="{$edit/choices/media-url}/{@filename}" alt="" loading="lazy"/>
        </xsl:if>
        <div class="row">
          <div class="field">
            <xsl:if test="$err"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
            <label for="f-{$f}">File</label>
            <xsl:call-template name="field-error">
              <xsl:with-param name="name" select="$f"/>
            </xsl:call-template>
            <select id="f-{$f}" name="media_id">
              <xsl:if test="$err">
                <xsl:attribute name="aria-invalid">true</xsl:attribute>
                <xsl:attribute name="aria-describedby">e-<xsl:value-of select="$f"/></xsl:attribute>
              </xsl:if>
              <option value="">(none)</option>
              <xsl:variable name="cur" select="string(@id)"/>
              <xsl:for-each select="$edit/choices/files/file">
                <option value="{@id}">
                  <xsl:if test="string(@id) = $cur"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="@original-name"/>
                  <xsl:text> (</xsl:text>
                  <xsl:value-of select="@mime"/>
                  <xsl:text>, #</xsl:text>
                  <xsl:value-of select="@id"/>
                  <xsl:text>)</xsl:text>
                </option>
              </xsl:for-each>
            </select>
          </div>
          <xsl:variable name="rf" select="concat('media_role-', $n)"/>
          <div class="field">
            <xsl:if test="/page//errors/error[@field = $rf]"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
            <label for="f-{$rf}">Used as</label>
            <xsl:call-template name="field-error">
              <xsl:with-param name="name" select="$rf"/>
            </xsl:call-template>
            <select id="f-{$rf}" name="media_role">
              <option value="gallery">
                <xsl:if test="@role = 'gallery'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:text>Gallery picture</xsl:text>
              </option>
              <option value="hero">
                <xsl:if test="@role = 'hero'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:text>Hero image</xsl:text>
              </option>
              <option value="attachment">
                <xsl:if test="@role = 'attachment'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:text>Attachment (download)</xsl:text>
              </option>
            </select>
          </div>
          <xsl:call-template name="row-order">
            <xsl:with-param name="name" select="'media_order'"/>
            <xsl:with-param name="n" select="$n"/>
            <xsl:with-param name="value" select="@order"/>
          </xsl:call-template>
        </div>
        <xsl:call-template name="row-input">
          <xsl:with-param name="name" select="'media_alt'"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="label" select="'Alt text (what the picture shows)'"/>
          <xsl:with-param name="value" select="alt"/>
          <xsl:with-param name="maxlength" select="'500'"/>
          <xsl:with-param name="lang" select="$edit/@lang"/>
          <xsl:with-param name="hint">
            <xsl:if test="string(lib-alt) != ''">
              <xsl:text>Empty: the library's "</xsl:text>
              <xsl:value-of select="lib-alt"/>
              <xsl:text>".</xsl:text>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
        <div class="row">
          <xsl:call-template name="row-input">
            <xsl:with-param name="name" select="'media_caption'"/>
            <xsl:with-param name="n" select="$n"/>
            <xsl:with-param name="label" select="'Caption'"/>
            <xsl:with-param name="value" select="caption"/>
            <xsl:with-param name="maxlength" select="'1000'"/>
            <xsl:with-param name="lang" select="$edit/@lang"/>
            <xsl:with-param name="hint">
              <xsl:if test="string(lib-caption) != ''">
                <xsl:text>Empty: the library's "</xsl:text>
                <xsl:value-of select="lib-caption"/>
                <xsl:text>".</xsl:text>
              </xsl:if>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="row-input">
            <xsl:with-param name="name" select="'media_credit'"/>
            <xsl:with-param name="n" select="$n"/>
            <xsl:with-param name="label" select="'Credit'"/>
            <xsl:with-param name="value" select="credit"/>
            <xsl:with-param name="maxlength" select="'300'"/>
            <xsl:with-param name="hint">
              <xsl:if test="string(lib-credit) != ''">
                <xsl:text>Empty: the library's "</xsl:text>
                <xsl:value-of select="lib-credit"/>
                <xsl:text>".</xsl:text>
              </xsl:if>
            </xsl:with-param>
          </xsl:call-template>
        </div>
      </fieldset>
    </xsl:for-each>
  </fieldset>
</xsl:template>

<!-- Statements: who signs, in order, and a new organisation. -->
<xsl:template name="signatory-fields">
  <fieldset id="f-sigs">
    <legend>Signatories</legend>
    <p class="hint">Organisations that sign the statement, from the <a href="{$base}/admin/orgs/">registry</a>, in the order given. Empty rows are ignored; to remove a signatory, choose "(none)".</p>
    <xsl:for-each select="$edit/sig-rows/row">
      <fieldset class="sig-row">
        <legend>Signatory <xsl:value-of select="@n"/></legend>
        <div class="row">
          <xsl:call-template name="row-org">
            <xsl:with-param name="name" select="'sig_org'"/>
            <xsl:with-param name="n" select="@n"/>
            <xsl:with-param name="label" select="'Organisation'"/>
            <xsl:with-param name="value" select="@org"/>
          </xsl:call-template>
          <xsl:call-template name="row-input">
            <xsl:with-param name="name" select="'sig_role'"/>
            <xsl:with-param name="n" select="@n"/>
            <xsl:with-param name="label" select="'Role'"/>
            <xsl:with-param name="value" select="@role"/>
            <xsl:with-param name="maxlength" select="'100'"/>
            <xsl:with-param name="hint" select="'Empty: co-signatory.'"/>
          </xsl:call-template>
          <xsl:call-template name="row-input">
            <xsl:with-param name="name" select="'sig_signed'"/>
            <xsl:with-param name="n" select="@n"/>
            <xsl:with-param name="label" select="'Signed on'"/>
            <xsl:with-param name="type" select="'date'"/>
            <xsl:with-param name="value" select="@signed"/>
          </xsl:call-template>
          <xsl:call-template name="row-order">
            <xsl:with-param name="name" select="'sig_order'"/>
            <xsl:with-param name="n" select="@n"/>
            <xsl:with-param name="value" select="@order"/>
          </xsl:call-template>
        </div>
      </fieldset>
    </xsl:for-each>
    <fieldset class="neworg">
      <legend>Add an organisation that is not in the registry</legend>
      <p class="hint">It is added to the registry when you save, and signs after the others.</p>
      <div class="row">
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'neworg_name'"/>
          <xsl:with-param name="label" select="'Name'"/>
          <xsl:with-param name="value" select="$edit/neworg/@name"/>
          <xsl:with-param name="maxlength" select="'300'"/>
        </xsl:call-template>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'neworg_short'"/>
          <xsl:with-param name="label" select="'Short name'"/>
          <xsl:with-param name="value" select="$edit/neworg/@short"/>
          <xsl:with-param name="maxlength" select="'60'"/>
        </xsl:call-template>
      </div>
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'neworg_url'"/>
        <xsl:with-param name="label" select="'Web address'"/>
        <xsl:with-param name="type" select="'url'"/>
        <xsl:with-param name="value" select="$edit/neworg/@url"/>
        <xsl:with-param name="maxlength" select="'500'"/>
        <xsl:with-param name="hint" select="'https://...'"/>
      </xsl:call-template>
      <div class="row">
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'neworg_role'"/>
          <xsl:with-param name="label" select="'Role'"/>
          <xsl:with-param name="value" select="$edit/neworg/@role"/>
          <xsl:with-param name="maxlength" select="'100'"/>
          <xsl:with-param name="hint" select="'Empty: co-signatory.'"/>
        </xsl:call-template>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'neworg_signed'"/>
          <xsl:with-param name="label" select="'Signed on'"/>
          <xsl:with-param name="type" select="'date'"/>
          <xsl:with-param name="value" select="$edit/neworg/@signed"/>
        </xsl:call-template>
      </div>
    </fieldset>
  </fieldset>
</xsl:template>

<!-- Events: when (in the event's zone), where, languages. -->
<xsl:template name="event-fields">
  <xsl:variable name="ev" select="$edit/event"/>
  <fieldset id="f-event">
    <legend>When and where</legend>
    <xsl:variable name="tzerr" select="/page//errors/error[@field = 'tz']"/>
    <div class="field">
      <xsl:if test="$tzerr"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <label for="f-tz">Time zone of the times below</label>
      <p class="hint" id="h-tz">An IANA zone name, e.g. Europe/Paris, America/New_York, Asia/Bangkok or UTC. Readers also see the times in other zones.</p>
      <xsl:call-template name="field-error">
        <xsl:with-param name="name" select="'tz'"/>
      </xsl:call-template>
      <input id="f-tz" name="tz" type="text" value="{$ev/@tz}" list="zones"
          maxlength="64" autocomplete="off">
        <xsl:call-template name="field-attrs">
          <xsl:with-param name="name" select="'tz'"/>
          <xsl:with-param name="hint" select="'1'"/>
          <xsl:with-param name="err" select="boolean($tzerr)"/>
        </xsl:call-template>
      </input>
    </div>
    <datalist id="zones">
      <xsl:for-each select="$edit/choices/zones/zone">
        <option value="{.}"/>
      </xsl:for-each>
    </datalist>
    <div class="row">
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'starts_date'"/>
        <xsl:with-param name="label" select="'Starts: date'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="value" select="$ev/@starts-date"/>
      </xsl:call-template>
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'starts_time'"/>
        <xsl:with-param name="label" select="'Starts: time'"/>
        <xsl:with-param name="type" select="'time'"/>
        <xsl:with-param name="value" select="$ev/@starts-time"/>
      </xsl:call-template>
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'ends_date'"/>
        <xsl:with-param name="label" select="'Ends: date'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="value" select="$ev/@ends-date"/>
      </xsl:call-template>
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'ends_time'"/>
        <xsl:with-param name="label" select="'Ends: time'"/>
        <xsl:with-param name="type" select="'time'"/>
        <xsl:with-param name="value" select="$ev/@ends-time"/>
      </xsl:call-template>
    </div>
    <xsl:if test="$ev/starts-utc">
      <p class="hint">
        <xsl:text>Saved as </xsl:text>
        <xsl:call-template name="when">
          <xsl:with-param name="t" select="$ev/starts-utc"/>
        </xsl:call-template>
        <xsl:text> to </xsl:text>
        <xsl:call-template name="when">
          <xsl:with-param name="t" select="$ev/ends-utc"/>
        </xsl:call-template>
        <xsl:text>.</xsl:text>
      </p>
    </xsl:if>
    <xsl:call-template name="input">
      <xsl:with-param name="name" select="'location'"/>
      <xsl:with-param name="label" select="'Location'"/>
      <xsl:with-param name="value" select="$ev/@location"/>
      <xsl:with-param name="maxlength" select="'300'"/>
      <xsl:with-param name="hint" select="'A place, or &quot;Online&quot;.'"/>
      <xsl:with-param name="lang" select="$edit/@lang"/>
    </xsl:call-template>
    <xsl:call-template name="input">
      <xsl:with-param name="name" select="'online_url'"/>
      <xsl:with-param name="label" select="'Online address'"/>
      <xsl:with-param name="type" select="'url'"/>
      <xsl:with-param name="value" select="$ev/@online-url"/>
      <xsl:with-param name="maxlength" select="'1000'"/>
      <xsl:with-param name="hint" select="'Where to watch or join: a full https:// address; may be empty.'"/>
    </xsl:call-template>
    <xsl:call-template name="input">
      <xsl:with-param name="name" select="'registration_url'"/>
      <xsl:with-param name="label" select="'Registration address'"/>
      <xsl:with-param name="type" select="'url'"/>
      <xsl:with-param name="value" select="$ev/@registration-url"/>
      <xsl:with-param name="maxlength" select="'1000'"/>
      <xsl:with-param name="hint" select="'A full https:// address; may be empty.'"/>
    </xsl:call-template>
    <div class="row">
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'spoken'"/>
        <xsl:with-param name="label" select="'Languages spoken'"/>
        <xsl:with-param name="value" select="$ev/@spoken"/>
        <xsl:with-param name="hint" select="'Language codes separated by commas, e.g. en, ru.'"/>
      </xsl:call-template>
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'interpreted'"/>
        <xsl:with-param name="label" select="'Live interpretation into'"/>
        <xsl:with-param name="value" select="$ev/@interpreted"/>
        <xsl:with-param name="hint" select="'Language codes separated by commas, e.g. fr, es.'"/>
      </xsl:call-template>
    </div>
  </fieldset>
</xsl:template>

<!-- Events: the speakers, in order, with the chair. -->
<xsl:template name="speaker-fields">
  <fieldset id="f-speakers">
    <legend>Speakers</legend>
    <p class="hint">In the order they speak. Tick "Chair" for whoever chairs or moderates. Empty rows are ignored; to remove a speaker, empty their row.</p>
    <xsl:for-each select="$edit/speaker-rows/row">
      <xsl:variable name="n" select="@n"/>
      <fieldset class="speaker-row">
        <legend>Speaker <xsl:value-of select="$n"/></legend>
        <div class="row">
          <xsl:call-template name="row-input">
            <xsl:with-param name="name" select="'sp_name'"/>
            <xsl:with-param name="n" select="$n"/>
            <xsl:with-param name="label" select="'Name'"/>
            <xsl:with-param name="value" select="@name"/>
            <xsl:with-param name="maxlength" select="'200'"/>
          </xsl:call-template>
          <xsl:call-template name="row-input">
            <xsl:with-param name="name" select="'sp_role'"/>
            <xsl:with-param name="n" select="$n"/>
            <xsl:with-param name="label" select="'Job title'"/>
            <xsl:with-param name="value" select="@role"/>
            <xsl:with-param name="maxlength" select="'300'"/>
            <xsl:with-param name="lang" select="$edit/@lang"/>
          </xsl:call-template>
          <xsl:call-template name="row-input">
            <xsl:with-param name="name" select="'sp_part'"/>
            <xsl:with-param name="n" select="$n"/>
            <xsl:with-param name="label" select="'Part'"/>
            <xsl:with-param name="value" select="@part"/>
            <xsl:with-param name="maxlength" select="'200'"/>
            <xsl:with-param name="hint" select="'E.g. Opening remarks; may be empty.'"/>
            <xsl:with-param name="lang" select="$edit/@lang"/>
          </xsl:call-template>
        </div>
        <div class="row">
          <xsl:call-template name="row-org">
            <xsl:with-param name="name" select="'sp_org'"/>
            <xsl:with-param name="n" select="$n"/>
            <xsl:with-param name="label" select="'Organisation'"/>
            <xsl:with-param name="value" select="@org"/>
          </xsl:call-template>
          <div class="field checkbox">
            <input type="checkbox" id="f-sp_chair-{$n}" name="sp_chair" value="{$n}">
              <xsl:if test="@chair"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <xsl:text> </xsl:text>
            <label for="f-sp_chair-{$n}">Chair</label>
          </div>
          <xsl:call-template name="row-order">
            <xsl:with-param name="name" select="'sp_order'"/>
            <xsl:with-param name="n" select="$n"/>
            <xsl:with-param name="value" select="@order"/>
          </xsl:call-template>
        </div>
      </fieldset>
    </xsl:for-each>
  </fieldset>
</xsl:template>

<!--
  The workflow buttons: each a small form of its own, so that they never
  send the edit form's text (save it first).
-->
<xsl:template name="workflow">
  <xsl:if test="$edit/transitions/to">
    <section aria-labelledby="workflow-h" class="workflow">
      <h2 id="workflow-h">Status</h2>
      <p class="hint">These buttons change the status of the saved item: save your changes first.</p>
      <div class="actions">
        <xsl:for-each select="$edit/transitions/to[@status != 'published']">
          <form method="post" action="{$item-url}/status">
            <xsl:call-template name="csrf-field"/>
            <input type="hidden" name="to" value="{@status}"/>
            <input type="hidden" name="version" value="{$edit/@version}"/>
            <button type="submit">
              <xsl:if test="@status = 'archived'"><xsl:attribute name="class">danger</xsl:attribute></xsl:if>
              <xsl:choose>
                <xsl:when test="@status = 'review'">Submit for review</xsl:when>
                <xsl:when test="@status = 'draft' and $edit/@status = 'published'">Unpublish (back to draft)</xsl:when>
                <xsl:when test="@status = 'draft' and $edit/@status = 'archived'">Restore from the archive (as a draft)</xsl:when>
                <xsl:when test="@status = 'draft'">Return to draft</xsl:when>
                <xsl:when test="@status = 'archived'">Archive</xsl:when>
                <xsl:otherwise><xsl:value-of select="@status"/></xsl:otherwise>
              </xsl:choose>
            </button>
          </form>
        </xsl:for-each>
      </div>
      <xsl:if test="$edit/transitions/to[@status = 'published']">
        <form method="post" action="{$item-url}/status" class="publish">
          <xsl:call-template name="csrf-field"/>
          <input type="hidden" name="to" value="published"/>
          <input type="hidden" name="version" value="{$edit/@version}"/>
          <fieldset>
            <legend>Publish or schedule</legend>
            <div class="field">
              <label for="f-publish_at">Publication time (UTC)</label>
              <p class="hint" id="h-publish_at">Empty: now. A future time schedules the item: it appears on the site and in its feeds then.</p>
              <input id="f-publish_at" name="published_at" type="datetime-local"
                  step="1" value="{$edit/published-at/@input}" aria-describedby="h-publish_at"/>
            </div>
            <p>
              <button type="submit" class="primary">Publish</button>
            </p>
          </fieldset>
        </form>
      </xsl:if>
    </section>
  </xsl:if>
</xsl:template>

<!-- The group's other languages, and a form to start a translation. -->
<xsl:template name="translations">
  <section aria-labelledby="translations-h" class="translations">
    <h2 id="translations-h">Translations</h2>
    <xsl:choose>
      <xsl:when test="$edit/translations/translation">
        <ul>
          <xsl:for-each select="$edit/translations/translation">
            <li>
              <xsl:call-template name="lang-name">
                <xsl:with-param name="code" select="@lang"/>
              </xsl:call-template>
              <xsl:text>: </xsl:text>
              <a href="{$base}/admin/items/{@id}" lang="{@lang}"><xsl:value-of select="."/></a>
              <xsl:text> </xsl:text>
              <span class="status status-{@status}">
                <xsl:call-template name="status-name">
                  <xsl:with-param name="status" select="@status"/>
                </xsl:call-template>
              </span>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <p>This item has no translations yet.</p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$edit/missing-langs/language">
      <form method="post" action="{$item-url}/translate" class="row">
        <xsl:call-template name="csrf-field"/>
        <div class="field">
          <label for="f-translate-lang">Create a translation draft in</label>
          <select id="f-translate-lang" name="lang">
            <xsl:for-each select="$edit/missing-langs/language">
              <option value="{@code}">
                <xsl:call-template name="lang-name">
                  <xsl:with-param name="code" select="@code"/>
                </xsl:call-template>
              </option>
            </xsl:for-each>
          </select>
        </div>
        <div class="field">
          <button type="submit">Create the draft</button>
        </div>
      </form>
    </xsl:if>
    <xsl:if test="not($edit/read-only)">
      <xsl:if test="$edit/link-candidates/item">
        <form method="post" action="{$item-url}/translation" class="row">
          <xsl:call-template name="csrf-field"/>
          <input type="hidden" name="version" value="{$edit/@version}"/>
          <div class="field">
            <label for="f-link-of">This item translates</label>
            <select id="f-link-of" name="of">
              <xsl:for-each select="$edit/link-candidates/item">
                <option value="{@id}">
                  <xsl:text>[</xsl:text>
                  <xsl:value-of select="@lang"/>
                  <xsl:text>] </xsl:text>
                  <xsl:value-of select="."/>
                  <xsl:text> (#</xsl:text>
                  <xsl:value-of select="@id"/>
                  <xsl:text>)</xsl:text>
                </option>
              </xsl:for-each>
            </select>
          </div>
          <div class="field">
            <button type="submit">Link as its translation</button>
          </div>
        </form>
      </xsl:if>
      <xsl:if test="$edit/translations/translation">
        <form method="post" action="{$item-url}/translation">
          <xsl:call-template name="csrf-field"/>
          <input type="hidden" name="version" value="{$edit/@version}"/>
          <input type="hidden" name="of" value=""/>
          <p><button type="submit">Unlink from these translations</button></p>
        </form>
      </xsl:if>
    </xsl:if>
  </section>
</xsl:template>

</xsl:stylesheet>
