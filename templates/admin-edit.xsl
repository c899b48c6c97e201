<?xml version="1.0" encoding="UTF-8"?>
<!-- placeholder: being written -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">
<xsl:import href="admin-layout.xsl"/>
</xsl:stylesheet>
