<?xml version="1.0" encoding="UTF-8"?>
<!--
  An item's revisions (src/admin_revision.c): the list with the compare
  form and the restore buttons, and the difference between two of them.

  The list, GET /admin/items/ID/revisions:
    /page/revisions[@total @page @pages @may-restore]
      item[@id @kind @lang @status @version]/title
      revision[@id @version]         newest first, REV_PAGE a page
        @current                     its version is the item's now
        @to | @from | @only          the compare form's first choices
        created-at                   RFC 3339 UTC
        user[@id]                    display name; absent if the account
                                     is gone
        note                         absent if none

  The difference, GET /admin/items/ID/diff?a=REV&b=REV:
    /page/revision-diff[@may-restore]
      item                           as above
      from, to                       the two revisions, as revision above
      field[@name @label]            one per field that has a value
        @kept                        a restore leaves this field as it is
        @changed                     it differs; without it, unchanged
        @mode = 'words'              one-line values:
          @was-empty @now-empty
          old/piece[@op]             the old value: op same | removed
          new/piece[@op]             the new value: op same | added
        @mode = 'lines'              multi-line values:
          @added @removed            counts of lines
          @bounded                   too big to match: shown as replaced
          @eol-only                  only line endings differ
          line[@op @a @b]            op same | added | removed, with its
                                     number in the old (@a) and new (@b)
          skip[@lines]               unchanged lines left out

  Changes are marked with <del>/<ins> and with "-"/"+" in the text, so
  they read without colour and in a screen reader.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="admin-layout.xsl"/>

<xsl:variable name="item" select="/page/*/item"/>
<xsl:variable name="item-url"
    select="concat($site/base-url, '/admin/items/', $item/@id)"/>

<xsl:template name="title">
  <xsl:choose>
    <xsl:when test="/page/revision-diff">
      <xsl:text>Changes: </xsl:text>
    </xsl:when>
    <xsl:otherwise>Revisions: </xsl:otherwise>
  </xsl:choose>
  <xsl:value-of select="$item/title"/>
</xsl:template>

<xsl:template name="content">
  <xsl:apply-templates select="/page/revisions | /page/revision-diff"/>
</xsl:template>

<!-- The item's title in its language, quoted. -->
<xsl:template name="item-title">
  <xsl:text>“</xsl:text>
  <span lang="{$item/@lang}"><xsl:value-of select="$item/title"/></span>
  <xsl:text>”</xsl:text>
</xsl:template>

<xsl:template name="kept-note">
  <p class="hint">Restoring a revision brings back its content as a new
  revision. The item's address, status, publication time, author, kind
  and language stay as they are now, so a restore never publishes or
  moves a page.</p>
</xsl:template>

<!-- "version 3 (current)" -->
<xsl:template name="version">
  <xsl:param name="r"/>
  <xsl:text>version </xsl:text>
  <xsl:value-of select="$r/@version"/>
  <xsl:if test="$r/@current"> (current)</xsl:if>
</xsl:template>

<!-- The POST form that restores revision $r. -->
<xsl:template name="restore-form">
  <xsl:param name="r"/>
  <form method="post" action="{$item-url}/restore">
    <xsl:call-template name="csrf-field"/>
    <input type="hidden" name="revision" value="{$r/@id}"/>
    <input type="hidden" name="version" value="{$item/@version}"/>
    <button type="submit">
      <xsl:text>Restore this revision</xsl:text>
      <span class="visually-hidden">
        <xsl:text> (version </xsl:text>
        <xsl:value-of select="$r/@version"/>
        <xsl:text>)</xsl:text>
      </span>
    </button>
  </form>
</xsl:template>

<!-- The list. -->
<xsl:template match="revisions">
  <h1>
    <xsl:text>Revisions of </xsl:text>
    <xsl:call-template name="item-title"/>
  </h1>
  <p class="actions">
    <a href="{$item-url}">Back to the item</a>
  </p>
  <xsl:choose>
    <xsl:when test="not(revision)">
      <p>This item has no saved revisions yet.</p>
    </xsl:when>
    <xsl:otherwise>
      <p>
        <xsl:value-of select="@total"/>
        <xsl:choose>
          <xsl:when test="@total = 1"> revision</xsl:when>
          <xsl:otherwise> revisions</xsl:otherwise>
        </xsl:choose>
        <xsl:text>, newest first. Choose two to compare, or restore one.</xsl:text>
      </p>
      <xsl:if test="@may-restore">
        <xsl:call-template name="kept-note"/>
      </xsl:if>
      <!-- Radios in the table belong to this form (form attribute):
           the restore forms sit in the rows and forms cannot nest. -->
      <form id="compare" method="get" action="{$item-url}/diff"></form>
      <table class="revisions">
        <caption>Revisions</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">By</th>
            <th scope="col">Note</th>
            <xsl:if test="@may-restore">
              <th scope="col"><span class="visually-hidden">Restore</span></th>
            </xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="revision"/>
        </tbody>
      </table>
      <p class="actions">
        <button type="submit" form="compare" class="primary">Compare the chosen revisions</button>
      </p>
      <xsl:if test="@pages &gt; 1">
        <nav class="pagination" aria-label="Pages of revisions">
          <xsl:if test="@page &gt; 1">
            <a href="{$item-url}/revisions?page={@page - 1}" rel="prev">Newer revisions</a>
          </xsl:if>
          <span>
            <xsl:text>Page </xsl:text>
            <xsl:value-of select="@page"/>
            <xsl:text> of </xsl:text>
            <xsl:value-of select="@pages"/>
          </span>
          <xsl:if test="@page &lt; @pages">
            <a href="{$item-url}/revisions?page={@page + 1}" rel="next">Older revisions</a>
          </xsl:if>
        </nav>
      </xsl:if>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template match="revision">
  <tr>
    <td>
      <input type="radio" name="a" value="{@id}" id="a-{@id}" form="compare">
        <xsl:if test="@from or @only">
          <xsl:attribute name="checked">checked</xsl:attribute>
        </xsl:if>
      </input>
      <label for="a-{@id}" class="visually-hidden">
        <xsl:text>Compare from version </xsl:text>
        <xsl:value-of select="@version"/>
      </label>
    </td>
    <td>
      <input type="radio" name="b" value="{@id}" id="b-{@id}" form="compare">
        <xsl:if test="@to or @only">
          <xsl:attribute name="checked">checked</xsl:attribute>
        </xsl:if>
      </input>
      <label for="b-{@id}" class="visually-hidden">
        <xsl:text>Compare to version </xsl:text>
        <xsl:value-of select="@version"/>
      </label>
    </td>
    <td>
      <xsl:value-of select="@version"/>
      <xsl:if test="@current"> (current)</xsl:if>
    </td>
    <td>
      <xsl:call-template name="when">
        <xsl:with-param name="t" select="created-at"/>
      </xsl:call-template>
    </td>
    <td>
      <xsl:choose>
        <xsl:when test="user"><xsl:value-of select="user"/></xsl:when>
        <xsl:otherwise>(unknown)</xsl:otherwise>
      </xsl:choose>
    </td>
    <td><xsl:value-of select="note"/></td>
    <xsl:if test="../@may-restore">
      <td>
        <xsl:if test="not(@current)">
          <xsl:call-template name="restore-form">
            <xsl:with-param name="r" select="."/>
          </xsl:call-template>
        </xsl:if>
      </td>
    </xsl:if>
  </tr>
</xsl:template>

<!-- "version 3, saved 2026-11-25 14:00 UTC by Ana" -->
<xsl:template name="revision-line">
  <xsl:param name="r"/>
  <xsl:call-template name="version">
    <xsl:with-param name="r" select="$r"/>
  </xsl:call-template>
  <xsl:text>, saved </xsl:text>
  <xsl:call-template name="when">
    <xsl:with-param name="t" select="$r/created-at"/>
  </xsl:call-template>
  <xsl:if test="$r/user">
    <xsl:text> by </xsl:text>
    <xsl:value-of select="$r/user"/>
  </xsl:if>
  <xsl:if test="$r/note">
    <xsl:text> (“</xsl:text>
    <xsl:value-of select="$r/note"/>
    <xsl:text>”)</xsl:text>
  </xsl:if>
</xsl:template>

<!-- The difference. -->
<xsl:template match="revision-diff">
  <h1>
    <xsl:text>Changes to </xsl:text>
    <xsl:call-template name="item-title"/>
  </h1>
  <dl class="diff-between">
    <dt>From</dt>
    <dd>
      <xsl:call-template name="revision-line">
        <xsl:with-param name="r" select="from"/>
      </xsl:call-template>
    </dd>
    <dt>To</dt>
    <dd>
      <xsl:call-template name="revision-line">
        <xsl:with-param name="r" select="to"/>
      </xsl:call-template>
    </dd>
  </dl>
  <div class="actions">
    <a href="{$item-url}/revisions">All revisions</a>
    <a href="{$item-url}">Back to the item</a>
    <xsl:if test="@may-restore">
      <xsl:if test="not(from/@current)">
        <xsl:call-template name="restore-form">
          <xsl:with-param name="r" select="from"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </div>
  <p class="hint">
    <xsl:text>Lines marked “-” were removed and lines marked “+” were added going from version </xsl:text>
    <xsl:value-of select="from/@version"/>
    <xsl:text> to version </xsl:text>
    <xsl:value-of select="to/@version"/>
    <xsl:text>.</xsl:text>
  </p>
  <xsl:choose>
    <xsl:when test="not(field[@changed])">
      <p>These two revisions have the same content.</p>
    </xsl:when>
    <xsl:otherwise>
      <xsl:apply-templates select="field[@changed]"/>
    </xsl:otherwise>
  </xsl:choose>
  <xsl:if test="field[not(@changed)]">
    <p class="unchanged">
      <xsl:text>Unchanged: </xsl:text>
      <xsl:for-each select="field[not(@changed)]">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:value-of select="@label"/>
      </xsl:for-each>
      <xsl:text>.</xsl:text>
    </p>
  </xsl:if>
  <xsl:if test="@may-restore">
    <xsl:call-template name="kept-note"/>
  </xsl:if>
</xsl:template>

<xsl:template match="field">
  <section class="diff-field" id="field-{@name}">
    <h2>
      <xsl:value-of select="@label"/>
      <xsl:if test="@kept">
        <small> (not changed by a restore)</small>
      </xsl:if>
    </h2>
    <xsl:choose>
      <xsl:when test="@mode = 'words'">
        <div class="diff-words">
          <p class="old">
            <span class="marker">- </span>
            <span class="visually-hidden">Before: </span>
            <xsl:choose>
              <xsl:when test="@was-empty"><em>(empty)</em></xsl:when>
              <xsl:otherwise><xsl:apply-templates select="old/piece"/></xsl:otherwise>
            </xsl:choose>
          </p>
          <p class="new">
            <span class="marker">+ </span>
            <span class="visually-hidden">After: </span>
            <xsl:choose>
              <xsl:when test="@now-empty"><em>(empty)</em></xsl:when>
              <xsl:otherwise><xsl:apply-templates select="new/piece"/></xsl:otherwise>
            </xsl:choose>
          </p>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="diff-count">
          <xsl:value-of select="@removed"/>
          <xsl:text> removed, </xsl:text>
          <xsl:value-of select="@added"/>
          <xsl:text> added.</xsl:text>
          <xsl:if test="@bounded">
            <xsl:text> The texts differ too much to match line by line: the old text is shown removed and the new one added.</xsl:text>
          </xsl:if>
          <xsl:if test="@eol-only">
            <xsl:text> Only the line endings differ.</xsl:text>
          </xsl:if>
        </p>
        <div class="diff">
          <xsl:apply-templates select="line | skip"/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </section>
</xsl:template>

<xsl:template match="piece[@op = 'same']">
  <xsl:value-of select="."/>
</xsl:template>

<xsl:template match="piece[@op = 'removed']">
  <del><xsl:value-of select="."/></del>
</xsl:template>

<xsl:template match="piece[@op = 'added']">
  <ins><xsl:value-of select="."/></ins>
</xsl:template>

<xsl:template match="line[@op = 'removed']">
  <del>
    <xsl:text>- </xsl:text>
    <xsl:value-of select="."/>
  </del>
</xsl:template>

<xsl:template match="line[@op = 'added']">
  <ins>
    <xsl:text>+ </xsl:text>
    <xsl:value-of select="."/>
  </ins>
</xsl:template>

<xsl:template match="line">
  <span class="same">
    <xsl:text>  </xsl:text>
    <xsl:value-of select="."/>
  </span>
</xsl:template>

<xsl:template match="skip">
  <span class="same skip">
    <xsl:text>  … </xsl:text>
    <xsl:value-of select="@lines"/>
    <xsl:choose>
      <xsl:when test="@lines = 1"> unchanged line …</xsl:when>
      <xsl:otherwise> unchanged lines …</xsl:otherwise>
    </xsl:choose>
  </span>
</xsl:template>

</xsl:stylesheet>
