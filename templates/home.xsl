<?xml version="1.0" encoding="UTF-8"?>
<!--
  A language's front page: upcoming events, then the latest items of each
  kind.  View: /page/home with <upcoming> (items) and one <section
  kind key href> per kind (items).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="layout.xsl"/>

<xsl:template name="title">
  <xsl:value-of select="$site/name"/>
</xsl:template>

<xsl:template name="content">
  <h1 class="visually-hidden"><xsl:value-of select="$site/name"/></h1>
  <xsl:apply-templates select="/page/home/upcoming"/>
  <xsl:apply-templates select="/page/home/section"/>
</xsl:template>

<xsl:template match="upcoming">
  <section class="upcoming" aria-labelledby="upcoming-h">
    <h2 id="upcoming-h"><xsl:value-of select="b:t('upcoming')"/></h2>
    <xsl:choose>
      <xsl:when test="item">
        <div class="cards">
          <xsl:apply-templates select="item" mode="card">
            <xsl:with-param name="h" select="3"/>
          </xsl:apply-templates>
        </div>
        <p class="more">
          <a href="{$site/nav/link[@key = 'events']/@href}">
            <xsl:value-of select="b:t('all-events')"/>
          </a>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty"><xsl:value-of select="b:t('no-upcoming')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </section>
</xsl:template>

<xsl:template match="section">
  <section class="latest latest-{@kind}" aria-labelledby="h-{@key}">
    <h2 id="h-{@key}">
      <a href="{@href}"><xsl:value-of select="b:t(@key)"/></a>
    </h2>
    <xsl:choose>
      <xsl:when test="item">
        <div class="cards">
          <xsl:apply-templates select="item" mode="card">
            <xsl:with-param name="h" select="3"/>
          </xsl:apply-templates>
        </div>
        <p class="more">
          <a href="{@href}">
            <xsl:value-of select="b:t('see-all')"/>
            <xsl:text>: </xsl:text>
            <xsl:value-of select="b:t(@key)"/>
          </a>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty"><xsl:value-of select="b:t('empty-list')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </section>
</xsl:template>

</xsl:stylesheet>
