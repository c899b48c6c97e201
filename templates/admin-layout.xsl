<?xml version="1.0" encoding="UTF-8"?>
<!--
  The frame of every page of broadside-admin.fcgi, and the form pieces the
  admin's pages share.  The admin speaks English (lang="en"); the content
  it edits carries its own language on the fields that show it.

  Each admin page stylesheet imports this one and defines:
    "title"    the page's title (text);
    "content"  what goes inside <main> after the notices.

  The view (src/admin.c, admin_view_new):
    /page/@section          the navigation entry to mark current
    /page/site              name, base-url, static-url, public-href,
                            languages/language[@code @name @dir]
    /page/me                the signed-in user (@id @login @role @totp),
                            with the display name as text; absent when
                            nobody is signed in
    /page/csrf              the session's token for hidden fields
    /page/notice/@code      what the previous POST did ("saved" ...)
    //errors/error[@field]  validation messages: the error summary at the
                            top links each to the field with id "f-{field}"

  No inline script or style: the CSP allows our own files only.
  Never disable output escaping.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:output method="html" encoding="UTF-8" indent="no"/>

<xsl:variable name="site" select="/page/site"/>
<xsl:variable name="static" select="string($site/static-url)"/>
<xsl:variable name="me" select="/page/me"/>
<xsl:variable name="csrf" select="string(/page/csrf)"/>

<xsl:template match="/">
  <html lang="en">
    <head>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <meta name="robots" content="noindex, nofollow"/>
      <title>
        <xsl:call-template name="title"/>
        <xsl:text> – </xsl:text>
        <xsl:value-of select="$site/name"/>
        <xsl:text> admin</xsl:text>
      </title>
      <link rel="stylesheet" href="{$static}/admin.css"/>
      <link rel="icon" href="{$static}/favicon.svg" type="image/svg+xml"/>
      <script src="{$static}/admin.js" defer="defer"></script>
    </head>
    <body class="admin section-{/page/@section}">
      <a class="skip" href="#main">Skip to content</a>
      <xsl:call-template name="admin-header"/>
      <main id="main" tabindex="-1">
        <xsl:call-template name="notice"/>
        <xsl:call-template name="error-summary"/>
        <xsl:call-template name="content"/>
      </main>
    </body>
  </html>
</xsl:template>

<xsl:template name="title"/>
<xsl:template name="content"/>

<xsl:template name="admin-header">
  <header class="admin-header">
    <p class="admin-site">
      <a href="{$site/base-url}/admin/">
        <xsl:value-of select="$site/name"/>
      </a>
      <xsl:text> </xsl:text>
      <a class="public-link" href="{$site/public-href}">View site</a>
    </p>
    <xsl:if test="$me and not($me/@pending)">
      <nav class="admin-nav" aria-label="Admin">
        <ul>
          <xsl:call-template name="nav-link">
            <xsl:with-param name="key" select="'dashboard'"/>
            <xsl:with-param name="href" select="'/admin/'"/>
            <xsl:with-param name="label" select="'Dashboard'"/>
          </xsl:call-template>
          <xsl:call-template name="nav-link">
            <xsl:with-param name="key" select="'items'"/>
            <xsl:with-param name="href" select="'/admin/items/'"/>
            <xsl:with-param name="label" select="'Items'"/>
          </xsl:call-template>
          <xsl:call-template name="nav-link">
            <xsl:with-param name="key" select="'media'"/>
            <xsl:with-param name="href" select="'/admin/media/'"/>
            <xsl:with-param name="label" select="'Media'"/>
          </xsl:call-template>
          <xsl:call-template name="nav-link">
            <xsl:with-param name="key" select="'tags'"/>
            <xsl:with-param name="href" select="'/admin/tags/'"/>
            <xsl:with-param name="label" select="'Tags'"/>
          </xsl:call-template>
          <xsl:call-template name="nav-link">
            <xsl:with-param name="key" select="'orgs'"/>
            <xsl:with-param name="href" select="'/admin/orgs/'"/>
            <xsl:with-param name="label" select="'Organisations'"/>
          </xsl:call-template>
          <xsl:if test="$me/@role = 'admin'">
            <xsl:call-template name="nav-link">
              <xsl:with-param name="key" select="'users'"/>
              <xsl:with-param name="href" select="'/admin/users/'"/>
              <xsl:with-param name="label" select="'Users'"/>
            </xsl:call-template>
            <xsl:call-template name="nav-link">
              <xsl:with-param name="key" select="'audit'"/>
              <xsl:with-param name="href" select="'/admin/audit'"/>
              <xsl:with-param name="label" select="'Audit log'"/>
            </xsl:call-template>
            <xsl:call-template name="nav-link">
              <xsl:with-param name="key" select="'settings'"/>
              <xsl:with-param name="href" select="'/admin/settings'"/>
              <xsl:with-param name="label" select="'Settings'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="nav-link">
            <xsl:with-param name="key" select="'account'"/>
            <xsl:with-param name="href" select="'/admin/account'"/>
            <xsl:with-param name="label" select="'My account'"/>
          </xsl:call-template>
        </ul>
      </nav>
    </xsl:if>
    <xsl:if test="$me">
      <form class="signout" method="post" action="{$site/base-url}/admin/logout">
        <xsl:call-template name="csrf-field"/>
        <span class="whoami">
          <xsl:value-of select="$me"/>
          <xsl:text> (</xsl:text>
          <xsl:value-of select="$me/@role"/>
          <xsl:text>)</xsl:text>
        </span>
        <xsl:text> </xsl:text>
        <button type="submit">Sign out</button>
      </form>
    </xsl:if>
  </header>
</xsl:template>

<xsl:template name="nav-link">
  <xsl:param name="key"/>
  <xsl:param name="href"/>
  <xsl:param name="label"/>
  <li>
    <a href="{$site/base-url}{$href}">
      <xsl:if test="/page/@section = $key">
        <xsl:attribute name="aria-current">page</xsl:attribute>
      </xsl:if>
      <xsl:value-of select="$label"/>
    </a>
  </li>
</xsl:template>

<!-- What the previous POST did, from ?done=code. -->
<xsl:template name="notice">
  <xsl:for-each select="/page/notice">
    <div class="notice" role="status">
      <p>
        <xsl:choose>
          <xsl:when test="@code = 'saved'">Saved.</xsl:when>
          <xsl:when test="@code = 'created'">Created.</xsl:when>
          <xsl:when test="@code = 'published'">Published: the item is on the public site and in its feeds.</xsl:when>
          <xsl:when test="@code = 'scheduled'">Scheduled: the item will appear on the public site at its publication time.</xsl:when>
          <xsl:when test="@code = 'unpublished'">Unpublished: the item is a draft again and no longer on the public site.</xsl:when>
          <xsl:when test="@code = 'submitted'">Submitted for review.</xsl:when>
          <xsl:when test="@code = 'returned'">Returned to draft.</xsl:when>
          <xsl:when test="@code = 'archived'">Archived. It can be restored from the item list (status: archived).</xsl:when>
          <xsl:when test="@code = 'unarchived'">Restored from the archive as a draft.</xsl:when>
          <xsl:when test="@code = 'restored'">The revision was restored as a new revision.</xsl:when>
          <xsl:when test="@code = 'purged'">Deleted for good.</xsl:when>
          <xsl:when test="@code = 'translated'">Translation draft created.</xsl:when>
          <xsl:when test="@code = 'uploaded'">Uploaded.</xsl:when>
          <xsl:when test="@code = 'link-created'">Preview link created. Copy it now: it is shown only once.</xsl:when>
          <xsl:when test="@code = 'revoked'">Preview link revoked.</xsl:when>
          <xsl:when test="@code = 'signed-in'">Signed in.</xsl:when>
          <xsl:when test="@code = 'signed-out'">Signed out.</xsl:when>
          <xsl:when test="@code = 'held-saved'">Your held changes were saved.</xsl:when>
          <xsl:when test="@code = 'held-gone'">Signed in. The changes held from your earlier session had expired or were already saved: check the item's revisions.</xsl:when>
          <xsl:when test="@code = 'password-changed'">Password changed. Your other sessions were signed out.</xsl:when>
          <xsl:when test="@code = 'session-ended'">Session ended.</xsl:when>
          <xsl:when test="@code = 'totp-on'">Two-step sign-in is on.</xsl:when>
          <xsl:when test="@code = 'totp-off'">Two-step sign-in is off.</xsl:when>
          <xsl:when test="@code = 'unthrottled'">Sign-in throttle lifted.</xsl:when>
          <xsl:when test="@code = 'user-created'">User created.</xsl:when>
          <xsl:when test="@code = 'user-updated'">User updated.</xsl:when>
          <xsl:when test="@code = 'settings-saved'">Settings saved.</xsl:when>
          <xsl:when test="@code = 'merged'">Tags merged: the items of the first now carry the second, and the first tag's page is gone.</xsl:when>
          <xsl:when test="@code = 'tag-deleted'">Tag deleted.</xsl:when>
          <xsl:otherwise>Done.</xsl:otherwise>
        </xsl:choose>
      </p>
    </div>
  </xsl:for-each>
</xsl:template>

<!-- Every validation message, linked to its field. -->
<xsl:template name="error-summary">
  <xsl:if test="/page//errors/error">
    <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
      <h2>There is a problem</h2>
      <ul>
        <xsl:for-each select="/page//errors/error">
          <li>
            <xsl:choose>
              <xsl:when test="@field != ''">
                <a href="#f-{@field}"><xsl:value-of select="."/></a>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
            </xsl:choose>
          </li>
        </xsl:for-each>
      </ul>
    </div>
  </xsl:if>
</xsl:template>

<xsl:template name="csrf-field">
  <input type="hidden" name="_csrf" value="{$csrf}"/>
</xsl:template>

<!-- The message beside field $name, if it has one. -->
<xsl:template name="field-error">
  <xsl:param name="name"/>
  <xsl:for-each select="/page//errors/error[@field = $name][1]">
    <p class="field-error" id="e-{$name}">
      <span class="visually-hidden">Error: </span>
      <xsl:value-of select="."/>
    </p>
  </xsl:for-each>
</xsl:template>

<!--
  A labelled input: id "f-{name}", the hint and the error tied to it with
  aria-describedby, aria-invalid when it has an error.
-->
<xsl:template name="input">
  <xsl:param name="name"/>
  <xsl:param name="label"/>
  <xsl:param name="value"/>
  <xsl:param name="type" select="'text'"/>
  <xsl:param name="hint"/>
  <xsl:param name="required"/>
  <xsl:param name="maxlength"/>
  <xsl:param name="lang"/>
  <xsl:param name="autocomplete"/>
  <xsl:variable name="err" select="/page//errors/error[@field = $name]"/>
  <div class="field">
    <xsl:if test="$err"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
    <label for="f-{$name}"><xsl:value-of select="$label"/></label>
    <xsl:if test="string($hint) != ''">
      <p class="hint" id="h-{$name}"><xsl:value-of select="$hint"/></p>
    </xsl:if>
    <xsl:call-template name="field-error">
      <xsl:with-param name="name" select="$name"/>
    </xsl:call-template>
    <input id="f-{$name}" name="{$name}" type="{$type}" value="{$value}">
      <xsl:call-template name="field-attrs">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="hint" select="$hint"/>
        <xsl:with-param name="err" select="boolean($err)"/>
        <xsl:with-param name="required" select="$required"/>
        <xsl:with-param name="maxlength" select="$maxlength"/>
        <xsl:with-param name="lang" select="$lang"/>
        <xsl:with-param name="autocomplete" select="$autocomplete"/>
      </xsl:call-template>
    </input>
  </div>
</xsl:template>

<!-- A labelled textarea, as "input". -->
<xsl:template name="textarea">
  <xsl:param name="name"/>
  <xsl:param name="label"/>
  <xsl:param name="value"/>
  <xsl:param name="hint"/>
  <xsl:param name="required"/>
  <xsl:param name="maxlength"/>
  <xsl:param name="lang"/>
  <xsl:param name="rows" select="'6'"/>
  <xsl:variable name="err" select="/page//errors/error[@field = $name]"/>
  <div class="field">
    <xsl:if test="$err"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
    <label for="f-{$name}"><xsl:value-of select="$label"/></label>
    <xsl:if test="string($hint) != ''">
      <p class="hint" id="h-{$name}"><xsl:value-of select="$hint"/></p>
    </xsl:if>
    <xsl:call-template name="field-error">
      <xsl:with-param name="name" select="$name"/>
    </xsl:call-template>
    <textarea id="f-{$name}" name="{$name}" rows="{$rows}">
      <xsl:call-template name="field-attrs">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="hint" select="$hint"/>
        <xsl:with-param name="err" select="boolean($err)"/>
        <xsl:with-param name="required" select="$required"/>
        <xsl:with-param name="maxlength" select="$maxlength"/>
        <xsl:with-param name="lang" select="$lang"/>
      </xsl:call-template>
      <xsl:value-of select="$value"/>
    </textarea>
  </div>
</xsl:template>

<xsl:template name="field-attrs">
  <xsl:param name="name"/>
  <xsl:param name="hint"/>
  <xsl:param name="err"/>
  <xsl:param name="required"/>
  <xsl:param name="maxlength"/>
  <xsl:param name="lang"/>
  <xsl:param name="autocomplete"/>
  <xsl:variable name="desc">
    <xsl:if test="string($hint) != ''">h-<xsl:value-of select="$name"/></xsl:if>
    <xsl:if test="string($hint) != '' and $err"><xsl:text> </xsl:text></xsl:if>
    <xsl:if test="$err">e-<xsl:value-of select="$name"/></xsl:if>
  </xsl:variable>
  <xsl:if test="string($desc) != ''">
    <xsl:attribute name="aria-describedby"><xsl:value-of select="$desc"/></xsl:attribute>
  </xsl:if>
  <xsl:if test="$err">
    <xsl:attribute name="aria-invalid">true</xsl:attribute>
  </xsl:if>
  <xsl:if test="string($required) != ''">
    <xsl:attribute name="required">required</xsl:attribute>
  </xsl:if>
  <xsl:if test="string($maxlength) != ''">
    <xsl:attribute name="maxlength"><xsl:value-of select="$maxlength"/></xsl:attribute>
  </xsl:if>
  <xsl:if test="string($lang) != ''">
    <xsl:attribute name="lang"><xsl:value-of select="$lang"/></xsl:attribute>
  </xsl:if>
  <xsl:if test="string($autocomplete) != ''">
    <xsl:attribute name="autocomplete"><xsl:value-of select="$autocomplete"/></xsl:attribute>
  </xsl:if>
</xsl:template>

<!-- A date and time as the admin shows them: "2026-11-25 14:00 UTC". -->
<xsl:template name="when">
  <xsl:param name="t"/>
  <xsl:if test="string($t) != ''">
    <time datetime="{$t}">
      <xsl:value-of select="substring($t, 1, 10)"/>
      <xsl:text> </xsl:text>
      <xsl:value-of select="substring($t, 12, 5)"/>
      <xsl:text> UTC</xsl:text>
    </time>
  </xsl:if>
</xsl:template>

</xsl:stylesheet>
