<?xml version="1.0" encoding="UTF-8"?>
<!--
  Error pages.  View: /page/error with @status, <reason> (the HTTP reason
  phrase, English) and <path> (what was asked for, if known).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="layout.xsl"/>

<xsl:variable name="status" select="string(/page/error/@status)"/>
<xsl:variable name="known" select="$status = '400' or $status = '404' or
    $status = '405' or $status = '414' or $status = '500' or
    $status = '503'"/>

<xsl:template name="title">
  <xsl:call-template name="heading"/>
</xsl:template>

<xsl:template name="heading">
  <xsl:choose>
    <xsl:when test="$known">
      <xsl:value-of select="b:t(concat('error-', $status))"/>
    </xsl:when>
    <xsl:otherwise>
      <xsl:value-of select="b:fmt('error', $status)"/>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="description"/>

<xsl:template name="content">
  <div class="error-page">
    <p class="status"><xsl:value-of select="b:fmt('error', $status)"/></p>
    <h1><xsl:call-template name="heading"/></h1>
    <p>
      <xsl:choose>
        <xsl:when test="$known">
          <xsl:value-of select="b:t(concat('error-', $status, '-text'))"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="b:t('error-other-text')"/>
        </xsl:otherwise>
      </xsl:choose>
    </p>
    <p><a href="{$site/home/@href}"><xsl:value-of select="b:t('back-home')"/></a></p>
  </div>
</xsl:template>

</xsl:stylesheet>
