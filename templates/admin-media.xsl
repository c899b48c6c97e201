<?xml version="1.0" encoding="UTF-8"?>
<!--
  The media library (src/admin_media.c).

    /page/media-library[@page @pages @total @max-mb]
        upload[@item @role]       the upload form: values kept after an
            alt caption credit    error, errors/error[@field] beside them;
            errors/error          @item, @role: uploading for an item
        file*                     a page of files, newest first
    /page/media-edit
        file                      the file
        values/alt|caption|credit the form's values
        errors/error[@field]
        uses/use[@item @kind @lang @status @role @own-text]  items using
                                  it, with their titles as text

  file[@id @href @kind (image|document) @thumb @preview @width @height
       @filename @mime @bytes @size @uses @may-edit]
       name alt caption credit uploader created updated

  The upload form's first field is the CSRF token: the program refuses a
  file that arrives before it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="admin-layout.xsl"/>

<xsl:variable name="base" select="string($site/base-url)"/>

<xsl:template name="title">
  <xsl:choose>
    <xsl:when test="/page/media-edit">
      <xsl:text>File: </xsl:text>
      <xsl:value-of select="/page/media-edit/file/name"/>
    </xsl:when>
    <xsl:otherwise>Media library</xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="content">
  <xsl:apply-templates select="/page/media-library | /page/media-edit"/>
</xsl:template>

<!-- ============================================== the library page -->

<xsl:template match="media-library">
  <h1>Media library</h1>
  <xsl:apply-templates select="upload"/>
  <section class="media-files" aria-labelledby="files-h">
    <h2 id="files-h">
      <xsl:text>Files (</xsl:text>
      <xsl:value-of select="@total"/>
      <xsl:text>)</xsl:text>
    </h2>
    <xsl:choose>
      <xsl:when test="file">
        <table class="media-table">
          <thead>
            <tr>
              <th scope="col">Preview</th>
              <th scope="col">File</th>
              <th scope="col">Type</th>
              <th scope="col">Size</th>
              <th scope="col">Dimensions</th>
              <th scope="col">Used by</th>
              <th scope="col">Uploaded</th>
              <xsl:if test="upload/@item">
                <th scope="col">Add</th>
              </xsl:if>
            </tr>
          </thead>
          <tbody>
            <xsl:apply-templates select="file" mode="row"/>
          </tbody>
        </table>
        <xsl:call-template name="pager"/>
      </xsl:when>
      <xsl:when test="@total &gt; 0">
        <p>There are no files on this page.
          <a href="{$base}/admin/media/">Go to the first page.</a></p>
      </xsl:when>
      <xsl:otherwise>
        <p>No files yet. Upload the first one with the form above.</p>
      </xsl:otherwise>
    </xsl:choose>
  </section>
</xsl:template>

<xsl:template match="upload">
  <section class="media-upload" aria-labelledby="upload-h">
    <h2 id="upload-h">Upload a file</h2>
    <form method="post" action="{$base}/admin/media/"
        enctype="multipart/form-data" class="upload-form">
      <!-- First of all: the program reads the body as it arrives. -->
      <xsl:call-template name="csrf-field"/>
      <xsl:if test="@item">
        <input type="hidden" name="item" value="{@item}"/>
        <input type="hidden" name="role" value="{@role}"/>
        <p class="hint">
          <xsl:text>The file will be added to </xsl:text>
          <a href="{$base}/admin/items/{@item}">
            <xsl:text>item </xsl:text>
            <xsl:value-of select="@item"/>
          </a>
          <xsl:if test="string(@role) != ''">
            <xsl:text> (</xsl:text>
            <xsl:value-of select="@role"/>
            <xsl:text>)</xsl:text>
          </xsl:if>
          <xsl:text>, and you will go back to it.</xsl:text>
        </p>
      </xsl:if>
      <xsl:variable name="err" select="errors/error[@field = 'file']"/>
      <div class="field">
        <xsl:if test="$err">
          <xsl:attribute name="class">field has-error</xsl:attribute>
        </xsl:if>
        <label for="f-file">File</label>
        <p class="hint" id="h-file">
          <xsl:text>PDF, JPEG, PNG, WebP or GIF, up to </xsl:text>
          <xsl:value-of select="../@max-mb"/>
          <xsl:text> MB. Pictures are stored without their metadata
          (camera, location, time), turned upright, and in smaller copies
          for the pages.</xsl:text>
        </p>
        <xsl:call-template name="field-error">
          <xsl:with-param name="name" select="'file'"/>
        </xsl:call-template>
        <input id="f-file" name="file" type="file" required="required"
            accept=".pdf,.jpg,.jpeg,.png,.webp,.gif,application/pdf,image/jpeg,image/png,image/webp,image/gif">
          <xsl:call-template name="field-attrs">
            <xsl:with-param name="name" select="'file'"/>
            <xsl:with-param name="hint" select="'1'"/>
            <xsl:with-param name="err" select="boolean($err)"/>
          </xsl:call-template>
        </input>
      </div>
      <xsl:call-template name="texts">
        <xsl:with-param name="alt" select="alt"/>
        <xsl:with-param name="caption" select="caption"/>
        <xsl:with-param name="credit" select="credit"/>
      </xsl:call-template>
      <p><button type="submit">Upload</button></p>
    </form>
  </section>
</xsl:template>

<!-- The three texts of a file, in the upload and the edit forms. -->
<xsl:template name="texts">
  <xsl:param name="alt"/>
  <xsl:param name="caption"/>
  <xsl:param name="credit"/>
  <xsl:call-template name="input">
    <xsl:with-param name="name" select="'alt'"/>
    <xsl:with-param name="label" select="'Alt text'"/>
    <xsl:with-param name="value" select="$alt"/>
    <xsl:with-param name="maxlength" select="'500'"/>
    <xsl:with-param name="hint" select="'What the picture shows, for people who cannot see it. For a PDF: the link text, such as the report’s title.'"/>
  </xsl:call-template>
  <xsl:call-template name="textarea">
    <xsl:with-param name="name" select="'caption'"/>
    <xsl:with-param name="label" select="'Caption'"/>
    <xsl:with-param name="value" select="$caption"/>
    <xsl:with-param name="maxlength" select="'1000'"/>
    <xsl:with-param name="rows" select="'3'"/>
  </xsl:call-template>
  <xsl:call-template name="input">
    <xsl:with-param name="name" select="'credit'"/>
    <xsl:with-param name="label" select="'Credit'"/>
    <xsl:with-param name="value" select="$credit"/>
    <xsl:with-param name="maxlength" select="'300'"/>
    <xsl:with-param name="hint" select="'Who made it, as it should be printed: “Photo: A. Name / Network”.'"/>
  </xsl:call-template>
</xsl:template>

<xsl:template match="file" mode="row">
  <xsl:variable name="up" select="../upload"/>
  <tr>
    <td class="thumb">
      <xsl:choose>
        <xsl:when test="@kind = 'image'">
          <!-- The name is in the next cell: a picture without alt text
               is described by it. -->
          <img src="{@thumb}" alt="{alt}" loading="lazy"/>
        </xsl:when>
        <xsl:otherwise>
          <span class="doc-icon" aria-hidden="true">PDF</span>
        </xsl:otherwise>
      </xsl:choose>
    </td>
    <td>
      <a href="{$base}/admin/media/{@id}"><xsl:value-of select="name"/></a>
      <xsl:if test="string(alt) != ''">
        <br/><span class="alt-text"><xsl:value-of select="alt"/></span>
      </xsl:if>
    </td>
    <td><xsl:call-template name="type-name"/></td>
    <td><xsl:value-of select="@size"/></td>
    <td>
      <xsl:if test="@width">
        <xsl:value-of select="@width"/>
        <xsl:text> × </xsl:text>
        <xsl:value-of select="@height"/>
      </xsl:if>
    </td>
    <td>
      <xsl:value-of select="@uses"/>
      <xsl:choose>
        <xsl:when test="@uses = 1"> item</xsl:when>
        <xsl:otherwise> items</xsl:otherwise>
      </xsl:choose>
    </td>
    <td>
      <xsl:call-template name="when">
        <xsl:with-param name="t" select="created"/>
      </xsl:call-template>
      <xsl:if test="string(uploader) != ''">
        <br/><xsl:value-of select="uploader"/>
      </xsl:if>
    </td>
    <xsl:if test="$up/@item">
      <td>
        <a href="{$base}/admin/items/{$up/@item}?add_media={@id}&amp;role={$up/@role}">
          <xsl:text>Use in item </xsl:text>
          <xsl:value-of select="$up/@item"/>
          <span class="visually-hidden">
            <xsl:text>: </xsl:text>
            <xsl:value-of select="name"/>
          </span>
        </a>
      </td>
    </xsl:if>
  </tr>
</xsl:template>

<xsl:template name="type-name">
  <xsl:choose>
    <xsl:when test="@mime = 'application/pdf'">PDF</xsl:when>
    <xsl:when test="@mime = 'image/jpeg'">JPEG</xsl:when>
    <xsl:when test="@mime = 'image/png'">PNG</xsl:when>
    <xsl:when test="@mime = 'image/webp'">WebP</xsl:when>
    <xsl:when test="@mime = 'image/gif'">GIF</xsl:when>
    <xsl:otherwise><xsl:value-of select="@mime"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="pager">
  <xsl:if test="@pages &gt; 1">
    <nav class="pager" aria-label="Pages of files">
      <xsl:if test="@page &gt; 1">
        <a rel="prev" href="{$base}/admin/media/?page={@page - 1}">Newer files</a>
        <xsl:text> </xsl:text>
      </xsl:if>
      <span>
        <xsl:text>Page </xsl:text>
        <xsl:value-of select="@page"/>
        <xsl:text> of </xsl:text>
        <xsl:value-of select="@pages"/>
      </span>
      <xsl:if test="@page &lt; @pages">
        <xsl:text> </xsl:text>
        <a rel="next" href="{$base}/admin/media/?page={@page + 1}">Older files</a>
      </xsl:if>
    </nav>
  </xsl:if>
</xsl:template>

<!-- ================================================= one file's page -->

<xsl:template match="media-edit">
  <xsl:variable name="f" select="file"/>
  <p class="breadcrumb"><a href="{$base}/admin/media/">Media library</a></p>
  <h1><xsl:value-of select="$f/name"/></h1>
  <div class="media-detail">
    <xsl:if test="$f/@kind = 'image'">
      <figure class="media-preview">
        <img src="{$f/@preview}" alt="{$f/alt}"/>
      </figure>
    </xsl:if>
    <dl class="media-facts">
      <dt>Stored file</dt>
      <dd><a href="{$f/@href}"><xsl:value-of select="$f/@filename"/></a></dd>
      <dt>Type</dt>
      <dd><xsl:for-each select="$f"><xsl:call-template name="type-name"/></xsl:for-each></dd>
      <dt>Size</dt>
      <dd><xsl:value-of select="$f/@size"/></dd>
      <xsl:if test="$f/@width">
        <dt>Dimensions</dt>
        <dd>
          <xsl:value-of select="$f/@width"/>
          <xsl:text> × </xsl:text>
          <xsl:value-of select="$f/@height"/>
          <xsl:text> pixels</xsl:text>
        </dd>
      </xsl:if>
      <dt>Uploaded</dt>
      <dd>
        <xsl:call-template name="when">
          <xsl:with-param name="t" select="$f/created"/>
        </xsl:call-template>
        <xsl:if test="string($f/uploader) != ''">
          <xsl:text> by </xsl:text>
          <xsl:value-of select="$f/uploader"/>
        </xsl:if>
      </dd>
    </dl>
  </div>

  <section aria-labelledby="texts-h">
    <h2 id="texts-h">Alt text, caption and credit</h2>
    <p class="hint">They show wherever an item uses this file without
      texts of its own. An item in another language can give its own in
      its edit form.</p>
    <xsl:choose>
      <xsl:when test="$f/@may-edit">
        <form method="post" action="{$base}/admin/media/{$f/@id}">
          <xsl:call-template name="csrf-field"/>
          <xsl:call-template name="texts">
            <xsl:with-param name="alt" select="values/alt"/>
            <xsl:with-param name="caption" select="values/caption"/>
            <xsl:with-param name="credit" select="values/credit"/>
          </xsl:call-template>
          <p><button type="submit">Save</button></p>
        </form>
      </xsl:when>
      <xsl:otherwise>
        <dl>
          <dt>Alt text</dt><dd><xsl:value-of select="$f/alt"/></dd>
          <dt>Caption</dt><dd><xsl:value-of select="$f/caption"/></dd>
          <dt>Credit</dt><dd><xsl:value-of select="$f/credit"/></dd>
        </dl>
        <p>Only editors and whoever uploaded the file can change these.</p>
      </xsl:otherwise>
    </xsl:choose>
  </section>

  <section aria-labelledby="uses-h">
    <h2 id="uses-h">Used by</h2>
    <xsl:choose>
      <xsl:when test="uses/use">
        <ul class="media-uses">
          <xsl:for-each select="uses/use">
            <li>
              <a href="{$base}/admin/items/{@item}"><xsl:value-of select="."/></a>
              <xsl:text> (</xsl:text>
              <xsl:value-of select="@lang"/>
              <xsl:text>, </xsl:text>
              <xsl:value-of select="@kind"/>
              <xsl:text>, </xsl:text>
              <xsl:value-of select="@status"/>
              <xsl:text>) as </xsl:text>
              <xsl:value-of select="@role"/>
              <xsl:if test="@own-text">
                <xsl:text>, with texts of its own</xsl:text>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <p>No item uses this file yet. Add it from an item’s edit form.</p>
      </xsl:otherwise>
    </xsl:choose>
  </section>
</xsl:template>

</xsl:stylesheet>
