<?xml version="1.0" encoding="UTF-8"?>
<!--
  The frame of every page: head, header with the site name, language
  switcher and navigation, the main landmark, the footer; and the pieces
  that several pages share (item cards, dates, event times, pagination).

  Each page stylesheet imports this one and defines:
    "title"    the page's own title (text);
    "content"  what goes inside <main>;
    "description" (optional) the meta description.
  The view document it reads is described in src/page.h and src/page.c
  (<feeds> of <feed scope format type href key slug/>: page_feeds());
  `broadside.fcgi` serialises it with view_dump() for theme authors.

  Never disable output escaping: text is escaped by the serialiser.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:include href="i18n.xsl"/>

<!--
  HTML serialisation without a doctype: render.c writes <!DOCTYPE html>,
  and libxml2 adds the <meta> that declares UTF-8 as the first child of
  <head>.
-->
<xsl:output method="html" encoding="UTF-8" indent="no"/>

<xsl:variable name="site" select="/page/site"/>
<xsl:variable name="static" select="string($site/static-url)"/>

<xsl:template match="/">
  <html lang="{$lang}" dir="{/page/@dir}">
    <head>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>
        <xsl:variable name="t">
          <xsl:call-template name="title"/>
        </xsl:variable>
        <xsl:if test="string($t) != '' and string($t) != string($site/name)">
          <xsl:value-of select="$t"/>
          <xsl:text> – </xsl:text>
        </xsl:if>
        <xsl:value-of select="$site/name"/>
      </title>
      <xsl:variable name="desc">
        <xsl:call-template name="description"/>
      </xsl:variable>
      <xsl:if test="normalize-space($desc) != ''">
        <meta name="description" content="{normalize-space($desc)}"/>
      </xsl:if>
      <!--
        An admin preview (admin_preview.c) is never indexed, and its
        address, a partner's secret link, is never sent as a referrer.
      -->
      <xsl:if test="/page/preview">
        <meta name="robots" content="noindex, nofollow"/>
        <meta name="referrer" content="no-referrer"/>
      </xsl:if>
      <link rel="stylesheet" href="{$static}/broadside.css"/>
      <link rel="icon" href="{$static}/favicon.svg" type="image/svg+xml"/>
      <xsl:if test="not(/page/error) and not(/page/admin)">
        <link rel="canonical" href="{$site/canonical}"/>
        <xsl:for-each select="$site/languages/language[@equivalent]">
          <link rel="alternate" hreflang="{@code}" href="{@url}"/>
        </xsl:for-each>
      </xsl:if>
      <!-- The page's feeds, its own scope's first (page.c). -->
      <xsl:for-each select="/page/feeds/feed">
        <link rel="alternate" type="{@type}" href="{@href}">
          <xsl:attribute name="title">
            <xsl:apply-templates select="." mode="title"/>
          </xsl:attribute>
        </link>
      </xsl:for-each>
      <xsl:for-each select="/page//pagination/prev">
        <link rel="prev" href="{@href}"/>
      </xsl:for-each>
      <xsl:for-each select="/page//pagination/next">
        <link rel="next" href="{@href}"/>
      </xsl:for-each>
    </head>
    <body class="page-{/page/@type}">
      <a class="skip" href="#main"><xsl:value-of select="b:t('skip')"/></a>
      <xsl:apply-templates select="/page/preview" mode="banner"/>
      <xsl:call-template name="header"/>
      <main id="main" tabindex="-1">
        <div class="wrap">
          <xsl:call-template name="content"/>
        </div>
      </main>
      <xsl:call-template name="footer"/>
    </body>
  </html>
</xsl:template>

<!--
  The banner above an admin preview (admin_preview.c): what this page is,
  in the admin's English whatever the item's language.  View: /page/preview
  with @mode (saved: the saved state for an editor; form: the edit form's
  unsaved state; link: a partner's preview link), @status, @scheduled,
  <published> and <expires> (@datetime, English text), <edit href/>,
  <body-failed/>, <problems> of <problem field>.
-->
<xsl:template match="preview" mode="banner">
  <aside class="notice preview-banner" lang="en" dir="ltr" aria-label="Preview">
    <div class="wrap">
      <xsl:choose>
        <xsl:when test="@mode = 'link'">
          <p>This is a preview of an unpublished draft. Anyone holding this link can read it. It expires on <time datetime="{expires/@datetime}"><xsl:value-of select="expires"/></time>.</p>
          <p>Please do not pass it on. The text may still change before it is published.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>
            <xsl:choose>
              <xsl:when test="@scheduled">
                <strong>Preview — not published</strong>
                <xsl:text>: scheduled for </xsl:text>
                <time datetime="{published/@datetime}"><xsl:value-of select="published"/></time>
                <xsl:text>.</xsl:text>
              </xsl:when>
              <xsl:when test="@status = 'published'">
                <strong>Preview — published</strong>
                <xsl:text>: this item is on the public site.</xsl:text>
              </xsl:when>
              <xsl:otherwise>
                <strong>Preview — not published</strong>
                <xsl:choose>
                  <xsl:when test="@status = 'review'"> (in review).</xsl:when>
                  <xsl:when test="@status = 'archived'"> (archived).</xsl:when>
                  <xsl:otherwise> (draft).</xsl:otherwise>
                </xsl:choose>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:choose>
              <xsl:when test="@mode = 'form'"> These are your unsaved changes: nothing has been saved.</xsl:when>
              <xsl:otherwise> This is the item as last saved.</xsl:otherwise>
            </xsl:choose>
          </p>
          <xsl:if test="body-failed">
            <p>The body could not be rendered: it holds something that is not text.</p>
          </xsl:if>
          <xsl:if test="problems/problem">
            <p>Saving would fail until these are fixed:</p>
            <ul>
              <xsl:for-each select="problems/problem">
                <li><xsl:value-of select="."/></li>
              </xsl:for-each>
            </ul>
          </xsl:if>
          <xsl:if test="edit">
            <p><a href="{edit/@href}">Back to editing</a></p>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </aside>
</xsl:template>

<!-- Defaults for what page stylesheets define. -->
<xsl:template name="title"/>
<xsl:template name="description">
  <xsl:value-of select="$site/tagline"/>
</xsl:template>
<xsl:template name="content"/>

<xsl:template name="header">
  <header class="site-header">
    <div class="wrap bar">
      <p class="site-name">
        <a href="{$site/home/@href}" rel="home">
          <img src="{$static}/favicon.svg" alt="" width="32" height="32"/>
          <span><xsl:value-of select="$site/name"/></span>
        </a>
      </p>
      <nav class="languages" aria-label="{b:t('nav-languages')}">
        <ul>
          <xsl:for-each select="$site/languages/language">
            <li>
              <a href="{@href}" hreflang="{@code}" lang="{@code}">
                <xsl:if test="@dir">
                  <xsl:attribute name="dir">
                    <xsl:value-of select="@dir"/>
                  </xsl:attribute>
                </xsl:if>
                <xsl:if test="@current">
                  <xsl:attribute name="aria-current">true</xsl:attribute>
                </xsl:if>
                <xsl:choose>
                  <xsl:when test="@name"><xsl:value-of select="@name"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="b:selfname(@code)"/></xsl:otherwise>
                </xsl:choose>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
    </div>
    <xsl:if test="string($site/tagline) != ''">
      <div class="wrap"><p class="tagline"><xsl:value-of select="$site/tagline"/></p></div>
    </xsl:if>
    <nav class="primary" aria-label="{b:t('nav-main')}">
      <div class="wrap">
      <ul>
        <xsl:for-each select="$site/nav/link">
          <li>
            <a href="{@href}">
              <xsl:if test="@current">
                <xsl:attribute name="aria-current">
                  <xsl:value-of select="@current"/>
                </xsl:attribute>
              </xsl:if>
              <xsl:value-of select="b:t(@key)"/>
            </a>
          </li>
        </xsl:for-each>
      </ul>
      <!-- A partner's preview is read-only: no forms at all. -->
      <xsl:if test="not(/page/preview[@mode = 'link'])">
        <xsl:call-template name="search-form">
          <xsl:with-param name="id" select="'site-search'"/>
        </xsl:call-template>
      </xsl:if>
      </div>
    </nav>
  </header>
</xsl:template>

<!-- The search form: in the header of every page and on the search page. -->
<xsl:template name="search-form">
  <xsl:param name="id"/>
  <xsl:param name="q" select="''"/>
  <xsl:param name="label-class" select="'visually-hidden'"/>
  <form class="search" role="search" method="get"
      action="{$site/home/@href}search">
    <label for="{$id}" class="{$label-class}"><xsl:value-of select="b:t('search-label')"/></label>
    <input type="search" id="{$id}" name="q" value="{$q}" maxlength="200"/>
    <button type="submit"><xsl:value-of select="b:t('search')"/></button>
  </form>
</xsl:template>

<xsl:template name="footer">
  <footer class="site-footer">
    <div class="wrap">
      <p>
        <a href="{$site/home/@href}"><xsl:value-of select="$site/name"/></a>
        <xsl:if test="string($site/tagline) != ''">
          <xsl:text> — </xsl:text>
          <xsl:value-of select="$site/tagline"/>
        </xsl:if>
      </p>
    </div>
  </footer>
</xsl:template>

<!-- A date: <published datetime="...">21 July 2021</published>. -->
<xsl:template match="*" mode="time">
  <time datetime="{@datetime}"><xsl:value-of select="."/></time>
</xsl:template>

<!--
  An event's time in one zone, as one phrase:
  "21 July 2021, 16:00–17:30 CEST", or with both dates when it ends on
  another day.
-->
<xsl:template match="when" mode="phrase">
  <xsl:variable name="abbrev" select="b:abbrev(@abbrev)"/>
  <time datetime="{start/@datetime}">
    <xsl:value-of select="start/@date"/>
    <xsl:text>, </xsl:text>
    <xsl:value-of select="start/@time"/>
  </time>
  <xsl:choose>
    <xsl:when test="end and @same-day and not(@end-abbrev)">
      <xsl:text>–</xsl:text>
      <time datetime="{end/@datetime}"><xsl:value-of select="end/@time"/></time>
      <xsl:text> </xsl:text>
      <xsl:value-of select="$abbrev"/>
    </xsl:when>
    <xsl:when test="end">
      <xsl:text> </xsl:text>
      <xsl:value-of select="$abbrev"/>
      <xsl:text> – </xsl:text>
      <time datetime="{end/@datetime}">
        <xsl:value-of select="end/@date"/>
        <xsl:text>, </xsl:text>
        <xsl:value-of select="end/@time"/>
      </time>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="@end-abbrev"><xsl:value-of select="b:abbrev(@end-abbrev)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$abbrev"/></xsl:otherwise>
      </xsl:choose>
    </xsl:when>
    <xsl:otherwise>
      <xsl:text> </xsl:text>
      <xsl:value-of select="$abbrev"/>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!--
  An item in a listing.  h is the heading level: 2 under the page's
  title, 3 inside a section.
-->
<xsl:template match="item" mode="card">
  <xsl:param name="h" select="2"/>
  <article class="card card-{@kind}">
    <xsl:element name="h{$h}">
      <a href="{@href}"><xsl:value-of select="title"/></a>
    </xsl:element>
    <p class="meta">
      <span class="kind"><xsl:value-of select="b:t(concat('kind-', @kind))"/></span>
      <!-- An event's date is when it happens, shown below. -->
      <xsl:if test="published and not(when)">
        <xsl:text> · </xsl:text>
        <xsl:apply-templates select="published" mode="time"/>
      </xsl:if>
    </p>
    <xsl:if test="when">
      <p class="when"><xsl:apply-templates select="when" mode="phrase"/></p>
    </xsl:if>
    <xsl:if test="string(location) != ''">
      <p class="where"><xsl:value-of select="location"/></p>
    </xsl:if>
    <xsl:if test="string(summary) != ''">
      <p class="summary"><xsl:value-of select="summary"/></p>
    </xsl:if>
  </article>
</xsl:template>

<!-- "Previous · Page 2 of 3 · Next" under a listing. -->
<xsl:template match="pagination">
  <xsl:if test="@pages &gt; 1">
    <nav class="pagination" aria-label="{b:t('pagination')}">
      <ul>
        <xsl:if test="prev">
          <li class="prev">
            <a href="{prev/@href}" rel="prev">
              <span aria-hidden="true">← </span>
              <xsl:value-of select="b:t('previous')"/>
            </a>
          </li>
        </xsl:if>
        <li class="position" aria-current="page">
          <xsl:value-of select="b:fmt('page-of', @page, @pages)"/>
        </li>
        <xsl:if test="next">
          <li class="next">
            <a href="{next/@href}" rel="next">
              <xsl:value-of select="b:t('next')"/>
              <span aria-hidden="true"> →</span>
            </a>
          </li>
        </xsl:if>
      </ul>
    </nav>
  </xsl:if>
</xsl:template>

<!--
  A feed's title: "<site> — <scope> (<format>)", with the scope's words
  of the feed's own title (page_feed.c has the same ones): the language's
  name for the whole site, a listing's name, "Topic: <tag>", an
  organisation's name, the events calendar, one event's title.
-->
<xsl:template match="feed" mode="title">
  <xsl:variable name="slug" select="string(@slug)"/>
  <xsl:value-of select="$site/name"/>
  <xsl:text> — </xsl:text>
  <xsl:choose>
    <xsl:when test="@scope = 'kind'">
      <xsl:value-of select="b:t(@key)"/>
    </xsl:when>
    <xsl:when test="@scope = 'tag'">
      <xsl:variable name="tag" select="/page/listing/tag[@slug = $slug]"/>
      <xsl:choose>
        <xsl:when test="$tag"><xsl:value-of select="b:fmt('tag-heading', $tag/@name)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="b:fmt('tag-heading', $slug)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:when>
    <xsl:when test="@scope = 'org'">
      <xsl:variable name="org" select="/page/listing/org[@slug = $slug]"/>
      <xsl:choose>
        <xsl:when test="$org"><xsl:value-of select="$org/@name"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$slug"/></xsl:otherwise>
      </xsl:choose>
    </xsl:when>
    <xsl:when test="@scope = 'calendar'">
      <xsl:value-of select="b:t('events')"/>
    </xsl:when>
    <xsl:when test="@scope = 'event' and /page/article/title">
      <xsl:value-of select="/page/article/title"/>
    </xsl:when>
    <xsl:otherwise>
      <xsl:variable name="l" select="$site/languages/language[@current]"/>
      <xsl:choose>
        <xsl:when test="$l/@name"><xsl:value-of select="$l/@name"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="b:selfname($lang)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:otherwise>
  </xsl:choose>
  <xsl:text> (</xsl:text>
  <xsl:choose>
    <xsl:when test="@format = 'atom'">Atom</xsl:when>
    <xsl:when test="@format = 'rss'">RSS</xsl:when>
    <xsl:when test="@format = 'json'">JSON Feed</xsl:when>
    <xsl:otherwise>iCalendar</xsl:otherwise>
  </xsl:choose>
  <xsl:text>)</xsl:text>
</xsl:template>

<!-- An organisation's name, linked to its page. -->
<xsl:template match="org" mode="link">
  <a href="{@href}"><xsl:value-of select="@name"/></a>
</xsl:template>

</xsl:stylesheet>
