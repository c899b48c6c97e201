<?xml version="1.0" encoding="UTF-8"?>
<!--
  Paginated listings: a kind's items, a tag's, an organisation's.
  View: /page/listing with @type ("kind", "tag", "org"), @href, @kind and
  @key for kinds, <tag slug name/> or <org .../>, <pagination page pages
  count> with <prev href/> and <next href/>, and <items> of <item>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="layout.xsl"/>

<xsl:variable name="listing" select="/page/listing"/>

<xsl:template name="heading">
  <xsl:choose>
    <xsl:when test="$listing/@type = 'tag'">
      <xsl:value-of select="b:fmt('tag-heading', $listing/tag/@name)"/>
    </xsl:when>
    <xsl:when test="$listing/@type = 'org'">
      <xsl:value-of select="$listing/org/@name"/>
    </xsl:when>
    <xsl:when test="$listing/@type = 'search'">
      <xsl:value-of select="b:t('search-heading')"/>
    </xsl:when>
    <xsl:otherwise>
      <xsl:value-of select="b:t($listing/@key)"/>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="title">
  <xsl:call-template name="heading"/>
  <xsl:if test="$listing/pagination/@page &gt; 1">
    <xsl:text> – </xsl:text>
    <xsl:value-of select="b:fmt('page-of', $listing/pagination/@page,
        $listing/pagination/@pages)"/>
  </xsl:if>
</xsl:template>

<xsl:template name="content">
  <header class="page-head">
    <h1><xsl:call-template name="heading"/></h1>
    <xsl:if test="$listing/@type = 'org'">
      <xsl:variable name="org" select="$listing/org"/>
      <p class="org-meta">
        <xsl:if test="$org/@short-name">
          <abbr><xsl:value-of select="$org/@short-name"/></abbr>
        </xsl:if>
        <xsl:if test="$org/@short-name and $org/@url">
          <xsl:text> · </xsl:text>
        </xsl:if>
        <xsl:if test="$org/@url">
          <a href="{$org/@url}" rel="external">
            <xsl:value-of select="b:t('website')"/>
          </a>
        </xsl:if>
      </p>
      <p class="intro"><xsl:value-of select="b:t('org-involvement')"/></p>
    </xsl:if>
    <xsl:if test="$listing/@type = 'search'">
      <xsl:call-template name="search-form">
        <xsl:with-param name="id" select="'search-page'"/>
        <xsl:with-param name="label-class" select="'label'"/>
        <xsl:with-param name="q" select="$listing/search/@q"/>
      </xsl:call-template>
      <p class="intro" role="status">
        <xsl:choose>
          <xsl:when test="$listing/search/@q = ''">
            <xsl:value-of select="b:t('search-hint')"/>
          </xsl:when>
          <xsl:when test="$listing/items/item">
            <xsl:value-of select="b:fmt('search-results',
                $listing/pagination/@count, $listing/search/@q)"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="b:fmt('search-none', '', $listing/search/@q)"/>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </xsl:if>
  </header>
  <xsl:choose>
    <xsl:when test="$listing/items/item">
      <div class="cards list">
        <xsl:apply-templates select="$listing/items/item" mode="card">
          <xsl:with-param name="h" select="2"/>
        </xsl:apply-templates>
      </div>
      <xsl:apply-templates select="$listing/pagination"/>
    </xsl:when>
    <xsl:when test="$listing/@type = 'search'"/>
    <xsl:otherwise>
      <p class="empty"><xsl:value-of select="b:t('empty-list')"/></p>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
