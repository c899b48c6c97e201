<?xml version="1.0" encoding="UTF-8"?>
<!--
  Pages of broadside-admin.fcgi.  For now one: the editing interface is
  not there yet.  View: /page/admin with @state.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="layout.xsl"/>

<xsl:template name="title">
  <xsl:value-of select="b:t('admin-title')"/>
</xsl:template>

<xsl:template name="description"/>

<xsl:template name="content">
  <div class="admin-page">
    <h1><xsl:value-of select="b:t('admin-title')"/></h1>
    <p><xsl:value-of select="b:t('admin-unavailable')"/></p>
    <p><a href="{$site/home/@href}"><xsl:value-of select="b:t('admin-public')"/></a></p>
  </div>
</xsl:template>

</xsl:stylesheet>
