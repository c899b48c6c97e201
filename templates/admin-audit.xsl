<?xml version="1.0" encoding="UTF-8"?>
<!--
  The audit log and the settings, for administrators (src/admin_audit.c):
    /page/audit[@page @pages @total @action @user]
        actions/action, users/user[@id @login] (the filters' choices),
        entry[@id @user-id @login @object-type @object-id]
            at, who, addr, action, object-title (an item's title or a
            user's login), detail
  or
    /page/settings/setting[@name @kind @min @max @value @effective
        @source @default @default-source] updated, updated-by
        @source and @default-source: settings | config | built-in
    /page/settings/errors
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="admin-layout.xsl"/>

<xsl:template name="title">
  <xsl:choose>
    <xsl:when test="/page/settings">Settings</xsl:when>
    <xsl:otherwise>Audit log</xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="content">
  <xsl:apply-templates select="/page/audit | /page/settings"/>
</xsl:template>

<!-- A query string for page $n keeping the filters. -->
<xsl:template name="audit-href">
  <xsl:param name="n"/>
  <xsl:value-of select="$site/base-url"/>
  <xsl:text>/admin/audit?page=</xsl:text>
  <xsl:value-of select="$n"/>
  <xsl:if test="/page/audit/@action">
    <xsl:text>&amp;action=</xsl:text>
    <xsl:value-of select="/page/audit/@action"/>
  </xsl:if>
  <xsl:if test="/page/audit/@user">
    <xsl:text>&amp;user=</xsl:text>
    <xsl:value-of select="/page/audit/@user"/>
  </xsl:if>
</xsl:template>

<xsl:template match="audit">
  <h1>Audit log</h1>
  <form method="get" action="{$site/base-url}/admin/audit" class="filters" role="search">
    <div class="field">
      <label for="f-action">Action</label>
      <select id="f-action" name="action">
        <option value="">Any</option>
        <xsl:for-each select="actions/action">
          <option value="{.}">
            <xsl:if test=". = /page/audit/@action">
              <xsl:attribute name="selected">selected</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="."/>
          </option>
        </xsl:for-each>
      </select>
    </div>
    <div class="field">
      <label for="f-user">User</label>
      <select id="f-user" name="user">
        <option value="">Anyone</option>
        <xsl:for-each select="users/user">
          <option value="{@id}">
            <xsl:if test="@id = /page/audit/@user">
              <xsl:attribute name="selected">selected</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="."/>
            <xsl:text> (</xsl:text>
            <xsl:value-of select="@login"/>
            <xsl:text>)</xsl:text>
          </option>
        </xsl:for-each>
      </select>
    </div>
    <button type="submit">Show</button>
  </form>

  <p>
    <xsl:value-of select="@total"/>
    <xsl:text> entries</xsl:text>
    <xsl:if test="@pages > 1">
      <xsl:text>; page </xsl:text>
      <xsl:value-of select="@page"/>
      <xsl:text> of </xsl:text>
      <xsl:value-of select="@pages"/>
    </xsl:if>
    <xsl:text>, newest first.</xsl:text>
  </p>

  <xsl:if test="entry">
    <table class="audit">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Address</th>
          <th scope="col">Action</th>
          <th scope="col">Object</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="entry">
          <tr>
            <td>
              <xsl:call-template name="when">
                <xsl:with-param name="t" select="at"/>
              </xsl:call-template>
            </td>
            <td>
              <xsl:choose>
                <xsl:when test="@user-id">
                  <a href="{$site/base-url}/admin/users/{@user-id}">
                    <xsl:value-of select="who"/>
                  </a>
                </xsl:when>
                <xsl:otherwise>–</xsl:otherwise>
              </xsl:choose>
            </td>
            <td><xsl:value-of select="addr"/></td>
            <td><code><xsl:value-of select="action"/></code></td>
            <td>
              <xsl:choose>
                <xsl:when test="@object-type = 'item'">
                  <a href="{$site/base-url}/admin/items/{@object-id}">
                    <xsl:choose>
                      <xsl:when test="object-title">
                        <xsl:value-of select="object-title"/>
                      </xsl:when>
                      <xsl:otherwise>
                        <xsl:text>Item </xsl:text>
                        <xsl:value-of select="@object-id"/>
                      </xsl:otherwise>
                    </xsl:choose>
                  </a>
                </xsl:when>
                <xsl:when test="@object-type = 'user'">
                  <a href="{$site/base-url}/admin/users/{@object-id}">
                    <xsl:text>User </xsl:text>
                    <xsl:choose>
                      <xsl:when test="object-title">
                        <xsl:value-of select="object-title"/>
                      </xsl:when>
                      <xsl:otherwise><xsl:value-of select="@object-id"/></xsl:otherwise>
                    </xsl:choose>
                  </a>
                </xsl:when>
                <xsl:when test="@object-type">
                  <xsl:value-of select="@object-type"/>
                  <xsl:text> </xsl:text>
                  <xsl:value-of select="@object-id"/>
                </xsl:when>
              </xsl:choose>
            </td>
            <td><xsl:value-of select="detail"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:if>

  <xsl:if test="@pages > 1">
    <nav class="pagination" aria-label="Pages of the audit log">
      <xsl:if test="@page > 1">
        <a rel="prev">
          <xsl:attribute name="href">
            <xsl:call-template name="audit-href">
              <xsl:with-param name="n" select="@page - 1"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:text>Newer</xsl:text>
        </a>
      </xsl:if>
      <xsl:if test="@page &lt; @pages">
        <a rel="next">
          <xsl:attribute name="href">
            <xsl:call-template name="audit-href">
              <xsl:with-param name="n" select="@page + 1"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:text>Older</xsl:text>
        </a>
      </xsl:if>
    </nav>
  </xsl:if>
</xsl:template>

<xsl:template name="setting-label">
  <xsl:param name="name"/>
  <xsl:choose>
    <xsl:when test="$name = 'default_event_zone'">Time zone of new events</xsl:when>
    <xsl:when test="$name = 'session_idle_minutes'">Sign out after this many idle minutes</xsl:when>
    <xsl:when test="$name = 'session_max_hours'">Sign out this many hours after signing in</xsl:when>
    <xsl:when test="$name = 'preview_days'">Preview links last this many days</xsl:when>
    <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="source-label">
  <xsl:param name="source"/>
  <xsl:choose>
    <xsl:when test="$source = 'settings'">set on this page</xsl:when>
    <xsl:when test="$source = 'config'">from broadside.ini, [admin]</xsl:when>
    <xsl:otherwise>built in</xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template match="settings">
  <h1>Settings</h1>
  <p>Newsroom settings. An empty field means the default. Every change is
  in the <a href="{$site/base-url}/admin/audit?action=settings">audit
  log</a>.</p>
  <form method="post" action="{$site/base-url}/admin/settings" class="settings">
    <xsl:call-template name="csrf-field"/>
    <xsl:for-each select="setting">
      <xsl:variable name="hint">
        <xsl:choose>
          <xsl:when test="@kind = 'zone'">An IANA time zone, such as Europe/Paris or Africa/Nairobi. </xsl:when>
          <xsl:otherwise>
            <xsl:text>From </xsl:text>
            <xsl:value-of select="@min"/>
            <xsl:text> to </xsl:text>
            <xsl:value-of select="@max"/>
            <xsl:text>. </xsl:text>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text>In effect: </xsl:text>
        <xsl:value-of select="@effective"/>
        <xsl:text> (</xsl:text>
        <xsl:call-template name="source-label">
          <xsl:with-param name="source" select="@source"/>
        </xsl:call-template>
        <xsl:if test="@source = 'settings' and updated-by">
          <xsl:text> by </xsl:text>
          <xsl:value-of select="updated-by"/>
        </xsl:if>
        <xsl:if test="@source = 'settings' and updated">
          <xsl:text> on </xsl:text>
          <xsl:value-of select="substring(updated, 1, 10)"/>
        </xsl:if>
        <xsl:text>). Default: </xsl:text>
        <xsl:value-of select="@default"/>
        <xsl:text> (</xsl:text>
        <xsl:call-template name="source-label">
          <xsl:with-param name="source" select="@default-source"/>
        </xsl:call-template>
        <xsl:text>).</xsl:text>
      </xsl:variable>
      <xsl:variable name="label">
        <xsl:call-template name="setting-label">
          <xsl:with-param name="name" select="@name"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="@name"/>
        <xsl:with-param name="label" select="string($label)"/>
        <xsl:with-param name="value" select="@value"/>
        <xsl:with-param name="hint" select="string($hint)"/>
        <xsl:with-param name="maxlength" select="'64'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
    </xsl:for-each>
    <p><button type="submit" class="primary">Save settings</button></p>
  </form>
</xsl:template>

</xsl:stylesheet>
