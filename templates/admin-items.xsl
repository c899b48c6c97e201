<?xml version="1.0" encoding="UTF-8"?>
<!--
  The item list (src/admin_item.c, admin_item_list), and the pieces the
  dashboard (admin-dash.xsl, which imports this file) shares with it.

  The view:
    /page/items[@total @page @pages]
      filter[@kind @lang @status @tag @author @q @mine]  the filters used;
          @lang "mine" is the user's own languages, @mine says they have
          some
      authors/user[@id]          the author filter's choices (name text)
      item*                      the rows (below)
      pager/prev[@href], pager/next[@href]
  An item row (admin_item_rows):
    item[@id @kind @lang @status @scheduled @version @editable]
      title, author[@id] (name), updated, published (RFC 3339 UTC)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="admin-layout.xsl"/>

<xsl:template name="title">Items</xsl:template>

<xsl:template name="content">
  <xsl:apply-templates select="/page/items"/>
</xsl:template>

<!-- Names of the kinds and states as editors read them. -->
<xsl:template name="kind-label">
  <xsl:param name="kind"/>
  <xsl:choose>
    <xsl:when test="$kind = 'news'">News</xsl:when>
    <xsl:when test="$kind = 'case-study'">Case study</xsl:when>
    <xsl:when test="$kind = 'statement'">Statement</xsl:when>
    <xsl:when test="$kind = 'event'">Event</xsl:when>
    <xsl:otherwise><xsl:value-of select="$kind"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="status-label">
  <xsl:param name="status"/>
  <xsl:choose>
    <xsl:when test="$status = 'draft'">Draft</xsl:when>
    <xsl:when test="$status = 'review'">In review</xsl:when>
    <xsl:when test="$status = 'published'">Published</xsl:when>
    <xsl:when test="$status = 'scheduled'">Scheduled</xsl:when>
    <xsl:when test="$status = 'archived'">Archived</xsl:when>
    <xsl:otherwise><xsl:value-of select="$status"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- A language code with the site's name for it. -->
<xsl:template name="lang-label">
  <xsl:param name="code"/>
  <xsl:variable name="l" select="$site/languages/language[@code = $code]"/>
  <xsl:choose>
    <xsl:when test="$l/@name">
      <span lang="{$code}"><xsl:value-of select="$l/@name"/></span>
    </xsl:when>
    <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- "New item" links, one per kind, in the site's default language. -->
<xsl:template name="new-item-menu">
  <nav class="new-item" aria-labelledby="new-item-h">
    <h2 id="new-item-h">New item</h2>
    <ul>
      <xsl:for-each select="/page//kinds/kind">
        <li>
          <a href="{$site/base-url}/admin/items/new?kind={@name}">
            <xsl:call-template name="kind-label">
              <xsl:with-param name="kind" select="@name"/>
            </xsl:call-template>
          </a>
        </li>
      </xsl:for-each>
    </ul>
  </nav>
</xsl:template>

<!--
  A table of item rows.  $when: 'updated' (last change) or 'published'
  (publication time) for the last column; $author: show the author.
-->
<xsl:template name="item-table">
  <xsl:param name="rows"/>
  <xsl:param name="caption"/>
  <xsl:param name="when" select="'updated'"/>
  <xsl:param name="author" select="true()"/>
  <xsl:param name="actions" select="false()"/>
  <table class="data items">
    <caption><xsl:copy-of select="$caption"/></caption>
    <thead>
      <tr>
        <th scope="col">Title</th>
        <th scope="col">Kind</th>
        <th scope="col">Language</th>
        <th scope="col">Status</th>
        <xsl:if test="$author">
          <th scope="col">Author</th>
        </xsl:if>
        <th scope="col">
          <xsl:choose>
            <xsl:when test="$when = 'published'">Publication</xsl:when>
            <xsl:otherwise>Last change</xsl:otherwise>
          </xsl:choose>
        </th>
        <xsl:if test="$actions">
          <th scope="col">Actions</th>
        </xsl:if>
      </tr>
    </thead>
    <tbody>
      <xsl:for-each select="$rows">
        <tr class="status-{@status}">
          <th scope="row">
            <xsl:variable name="title">
              <xsl:choose>
                <xsl:when test="normalize-space(title) != ''">
                  <xsl:value-of select="title"/>
                </xsl:when>
                <xsl:otherwise>(untitled)</xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <xsl:choose>
              <xsl:when test="@editable">
                <a href="{$site/base-url}/admin/items/{@id}" lang="{@lang}">
                  <xsl:value-of select="$title"/>
                </a>
              </xsl:when>
              <xsl:otherwise>
                <span lang="{@lang}"><xsl:value-of select="$title"/></span>
                <span class="read-only"> (you may not edit it)</span>
              </xsl:otherwise>
            </xsl:choose>
          </th>
          <td>
            <xsl:call-template name="kind-label">
              <xsl:with-param name="kind" select="@kind"/>
            </xsl:call-template>
          </td>
          <td>
            <xsl:call-template name="lang-label">
              <xsl:with-param name="code" select="@lang"/>
            </xsl:call-template>
          </td>
          <td>
            <span class="status status-{@status}">
              <xsl:choose>
                <xsl:when test="@scheduled">
                  <xsl:text>Scheduled for </xsl:text>
                  <xsl:call-template name="when">
                    <xsl:with-param name="t" select="published"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:call-template name="status-label">
                    <xsl:with-param name="status" select="@status"/>
                  </xsl:call-template>
                </xsl:otherwise>
              </xsl:choose>
            </span>
          </td>
          <xsl:if test="$author">
            <td>
              <xsl:choose>
                <xsl:when test="author"><xsl:value-of select="author"/></xsl:when>
                <xsl:otherwise>—</xsl:otherwise>
              </xsl:choose>
            </td>
          </xsl:if>
          <td>
            <xsl:call-template name="when">
              <xsl:with-param name="t" select="updated[$when = 'updated'] | published[$when = 'published']"/>
            </xsl:call-template>
          </td>
          <xsl:if test="$actions">
            <td class="actions">
              <xsl:call-template name="archived-actions"/>
            </td>
          </xsl:if>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>
</xsl:template>

<xsl:template match="items">
  <xsl:variable name="f" select="filter"/>
  <h1>Items</h1>
  <xsl:call-template name="new-item-menu"/>
  <form method="get" action="{$site/base-url}/admin/items/" class="filters"
      role="search">
    <fieldset>
      <legend>Find items</legend>
      <div class="field">
        <label for="f-kind">Kind</label>
        <select id="f-kind" name="kind">
          <option value="">All kinds</option>
          <xsl:for-each select="/page//kinds/kind">
            <option value="{@name}">
              <xsl:if test="@name = $f/@kind">
                <xsl:attribute name="selected">selected</xsl:attribute>
              </xsl:if>
              <xsl:call-template name="kind-label">
                <xsl:with-param name="kind" select="@name"/>
              </xsl:call-template>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="field">
        <label for="f-lang">Language</label>
        <select id="f-lang" name="lang">
          <option value="">All languages</option>
          <xsl:if test="$f/@mine">
            <option value="mine">
              <xsl:if test="$f/@lang = 'mine'">
                <xsl:attribute name="selected">selected</xsl:attribute>
              </xsl:if>
              <xsl:text>My languages</xsl:text>
            </option>
          </xsl:if>
          <xsl:for-each select="$site/languages/language">
            <option value="{@code}">
              <xsl:if test="@code = $f/@lang">
                <xsl:attribute name="selected">selected</xsl:attribute>
              </xsl:if>
              <xsl:choose>
                <xsl:when test="@name"><xsl:value-of select="@name"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="@code"/></xsl:otherwise>
              </xsl:choose>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="field">
        <label for="f-status">Status</label>
        <select id="f-status" name="status">
          <xsl:call-template name="status-option">
            <xsl:with-param name="value" select="''"/>
            <xsl:with-param name="label" select="'All but archived'"/>
          </xsl:call-template>
          <xsl:call-template name="status-option">
            <xsl:with-param name="value" select="'draft'"/>
          </xsl:call-template>
          <xsl:call-template name="status-option">
            <xsl:with-param name="value" select="'review'"/>
          </xsl:call-template>
          <xsl:call-template name="status-option">
            <xsl:with-param name="value" select="'published'"/>
          </xsl:call-template>
          <xsl:call-template name="status-option">
            <xsl:with-param name="value" select="'scheduled'"/>
          </xsl:call-template>
          <xsl:call-template name="status-option">
            <xsl:with-param name="value" select="'archived'"/>
          </xsl:call-template>
        </select>
      </div>
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'tag'"/>
        <xsl:with-param name="label" select="'Tag'"/>
        <xsl:with-param name="value" select="$f/@tag"/>
        <xsl:with-param name="hint" select="'The tag&#8217;s address (slug), as in /en/tags/harm-reduction/.'"/>
        <xsl:with-param name="maxlength" select="'200'"/>
      </xsl:call-template>
      <div class="field">
        <label for="f-author">Author</label>
        <select id="f-author" name="author">
          <option value="">Anyone</option>
          <xsl:for-each select="authors/user">
            <option value="{@id}">
              <xsl:if test="string(@id) = string($f/@author)">
                <xsl:attribute name="selected">selected</xsl:attribute>
              </xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'q'"/>
        <xsl:with-param name="label" select="'Title contains'"/>
        <xsl:with-param name="type" select="'search'"/>
        <xsl:with-param name="value" select="$f/@q"/>
        <xsl:with-param name="maxlength" select="'200'"/>
      </xsl:call-template>
      <p class="buttons">
        <button type="submit">Show items</button>
        <xsl:text> </xsl:text>
        <a href="{$site/base-url}/admin/items/">Clear the filters</a>
      </p>
    </fieldset>
  </form>
  <xsl:choose>
    <xsl:when test="item">
      <xsl:call-template name="item-table">
        <xsl:with-param name="rows" select="item"/>
        <xsl:with-param name="actions" select="filter/@status = 'archived'"/>
        <xsl:with-param name="caption">
          <xsl:value-of select="@total"/>
          <xsl:choose>
            <xsl:when test="@total = 1"> item</xsl:when>
            <xsl:otherwise> items</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="@pages &gt; 1">
            <xsl:text>, page </xsl:text>
            <xsl:value-of select="@page"/>
            <xsl:text> of </xsl:text>
            <xsl:value-of select="@pages"/>
          </xsl:if>
          <xsl:text>, last changed first</xsl:text>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:when>
    <xsl:otherwise>
      <p class="empty">No items match these filters.</p>
    </xsl:otherwise>
  </xsl:choose>
  <xsl:if test="pager">
    <nav class="pager" aria-label="Pages of the list">
      <ul>
        <xsl:if test="pager/prev">
          <li><a rel="prev" href="{pager/prev/@href}">Previous page</a></li>
        </xsl:if>
        <xsl:if test="pager/next">
          <li><a rel="next" href="{pager/next/@href}">Next page</a></li>
        </xsl:if>
      </ul>
    </nav>
  </xsl:if>
</xsl:template>

<!--
  Buttons for an archived row: editors restore it as a draft, and an
  administrator deletes it for good.  The title, hidden but read out,
  says which item each button is for.
-->
<xsl:template name="archived-actions">
  <xsl:if test="@status = 'archived' and ($me/@role = 'admin' or $me/@role = 'editor')">
    <form method="post" action="{$site/base-url}/admin/items/{@id}/status" class="inline">
      <xsl:call-template name="csrf-field"/>
      <input type="hidden" name="to" value="draft"/>
      <input type="hidden" name="version" value="{@version}"/>
      <button type="submit">
        <xsl:text>Restore as draft</xsl:text>
        <span class="visually-hidden">: <xsl:value-of select="title"/></span>
      </button>
    </form>
    <xsl:if test="$me/@role = 'admin'">
      <xsl:text> </xsl:text>
      <form method="post" action="{$site/base-url}/admin/items/{@id}/purge" class="inline">
        <xsl:call-template name="csrf-field"/>
        <button type="submit" class="danger">
          <xsl:text>Delete for good</xsl:text>
          <span class="visually-hidden">: <xsl:value-of select="title"/></span>
        </button>
      </form>
    </xsl:if>
  </xsl:if>
</xsl:template>

<!-- One choice of the status filter (values as admin_status_names). -->
<xsl:template name="status-option">
  <xsl:param name="value"/>
  <xsl:param name="label"/>
  <option value="{$value}">
    <xsl:if test="string($value) = string(/page/items/filter/@status)">
      <xsl:attribute name="selected">selected</xsl:attribute>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="string($label) != ''"><xsl:value-of select="$label"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="status-label">
          <xsl:with-param name="status" select="$value"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </option>
</xsl:template>

</xsl:stylesheet>
