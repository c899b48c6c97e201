<?xml version="1.0" encoding="UTF-8"?>
<!--
  The dashboard (src/admin_dash.c).  It imports admin-items.xsl for the
  item tables, the labels and the "New item" menu, and replaces its title
  and content.

  The view:
    /page/dashboard
      kinds/kind[@name]              the "New item" menu
      section[@name]                 drafts | review | scheduled | recent
        item*                        rows as in admin-items.xsl
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="admin-items.xsl"/>

<xsl:template name="title">Dashboard</xsl:template>

<xsl:template name="content">
  <xsl:apply-templates select="/page/dashboard"/>
</xsl:template>

<xsl:template match="dashboard">
  <h1>Dashboard</h1>
  <xsl:call-template name="new-item-menu"/>
  <xsl:call-template name="dash-section">
    <xsl:with-param name="s" select="section[@name = 'drafts']"/>
    <xsl:with-param name="heading" select="'My drafts'"/>
    <xsl:with-param name="empty" select="'You have no drafts.'"/>
    <xsl:with-param name="author" select="false()"/>
    <xsl:with-param name="more" select="concat('?status=draft&amp;author=', $me/@id, '&amp;lang=')"/>
    <xsl:with-param name="more-label" select="'All my drafts'"/>
  </xsl:call-template>
  <xsl:call-template name="dash-section">
    <xsl:with-param name="s" select="section[@name = 'review']"/>
    <xsl:with-param name="heading" select="'In review'"/>
    <xsl:with-param name="empty" select="'Nothing is waiting for review.'"/>
    <xsl:with-param name="more" select="'?status=review&amp;lang='"/>
    <xsl:with-param name="more-label" select="'Everything in review'"/>
  </xsl:call-template>
  <xsl:call-template name="dash-section">
    <xsl:with-param name="s" select="section[@name = 'scheduled']"/>
    <xsl:with-param name="heading" select="'Scheduled next'"/>
    <xsl:with-param name="empty" select="'Nothing is scheduled.'"/>
    <xsl:with-param name="when" select="'published'"/>
    <xsl:with-param name="more" select="'?status=scheduled&amp;lang='"/>
    <xsl:with-param name="more-label" select="'Everything scheduled'"/>
  </xsl:call-template>
  <xsl:call-template name="dash-section">
    <xsl:with-param name="s" select="section[@name = 'recent']"/>
    <xsl:with-param name="heading" select="'Recently published'"/>
    <xsl:with-param name="empty" select="'Nothing has been published yet.'"/>
    <xsl:with-param name="when" select="'published'"/>
    <xsl:with-param name="more" select="'?status=published&amp;lang='"/>
    <xsl:with-param name="more-label" select="'All published items'"/>
  </xsl:call-template>
</xsl:template>

<!-- One section: a heading, its table or a sentence, a link to all. -->
<xsl:template name="dash-section">
  <xsl:param name="s"/>
  <xsl:param name="heading"/>
  <xsl:param name="empty"/>
  <xsl:param name="when" select="'updated'"/>
  <xsl:param name="author" select="true()"/>
  <xsl:param name="more"/>
  <xsl:param name="more-label"/>
  <section class="dash-section" id="dash-{$s/@name}"
      aria-labelledby="dash-{$s/@name}-h">
    <h2 id="dash-{$s/@name}-h"><xsl:value-of select="$heading"/></h2>
    <xsl:choose>
      <xsl:when test="$s/item">
        <xsl:call-template name="item-table">
          <xsl:with-param name="rows" select="$s/item"/>
          <xsl:with-param name="caption" select="$heading"/>
          <xsl:with-param name="when" select="$when"/>
          <xsl:with-param name="author" select="$author"/>
        </xsl:call-template>
        <p class="more">
          <a href="{$site/base-url}/admin/items/{$more}">
            <xsl:value-of select="$more-label"/>
          </a>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty"><xsl:value-of select="$empty"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </section>
</xsl:template>

</xsl:stylesheet>
