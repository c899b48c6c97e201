<?xml version="1.0" encoding="UTF-8"?>
<!--
  One's own account (src/admin_user.c):
    /page/account[@login @role @totp @recovery-left]
        name, email, lang[@code], password-changed,
        sessions/session[@id @current @pending] created, last-seen,
            expires, addr, agent
        errors (of the password form)
  or the two-step sign-in page:
    /page/totp[@state @login @recovery-left]
        @state: off | pending | on | codes
        key (base32, grouped) and uri (otpauth:) while pending,
        codes/code (new recovery codes, shown this once), errors
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="admin-layout.xsl"/>

<xsl:template name="title">
  <xsl:choose>
    <xsl:when test="/page/totp/@state = 'codes'">Recovery codes</xsl:when>
    <xsl:when test="/page/totp">Two-step sign-in</xsl:when>
    <xsl:otherwise>My account</xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="content">
  <xsl:apply-templates select="/page/account | /page/totp"/>
</xsl:template>

<xsl:template name="password-field">
  <xsl:param name="name" select="'password'"/>
  <xsl:param name="label" select="'Your current password'"/>
  <xsl:call-template name="input">
    <xsl:with-param name="name" select="$name"/>
    <xsl:with-param name="label" select="$label"/>
    <xsl:with-param name="type" select="'password'"/>
    <xsl:with-param name="required" select="'1'"/>
    <xsl:with-param name="autocomplete" select="'current-password'"/>
  </xsl:call-template>
</xsl:template>

<xsl:template match="account">
  <h1>My account</h1>
  <dl class="facts">
    <dt>Login</dt>
    <dd><xsl:value-of select="@login"/></dd>
    <dt>Name</dt>
    <dd><xsl:value-of select="name"/></dd>
    <xsl:if test="email">
      <dt>E-mail</dt>
      <dd><xsl:value-of select="email"/></dd>
    </xsl:if>
    <dt>Role</dt>
    <dd>
      <xsl:choose>
        <xsl:when test="@role = 'admin'">Administrator</xsl:when>
        <xsl:when test="@role = 'editor'">Editor</xsl:when>
        <xsl:when test="@role = 'author'">Author</xsl:when>
        <xsl:when test="@role = 'translator'">Translator</xsl:when>
      </xsl:choose>
      <xsl:if test="lang">
        <xsl:text> (</xsl:text>
        <xsl:for-each select="lang">
          <xsl:if test="position() > 1">, </xsl:if>
          <xsl:value-of select="@code"/>
        </xsl:for-each>
        <xsl:text>)</xsl:text>
      </xsl:if>
    </dd>
  </dl>
  <p class="hint">An administrator changes names, roles and languages.</p>

  <h2 id="password">Change password</h2>
  <xsl:if test="password-changed">
    <p>
      <xsl:text>Last changed </xsl:text>
      <xsl:call-template name="when">
        <xsl:with-param name="t" select="password-changed"/>
      </xsl:call-template>
      <xsl:text>.</xsl:text>
    </p>
  </xsl:if>
  <form method="post" action="{$site/base-url}/admin/account/password" class="narrow">
    <xsl:call-template name="csrf-field"/>
    <xsl:call-template name="password-field">
      <xsl:with-param name="name" select="'current'"/>
    </xsl:call-template>
    <xsl:call-template name="input">
      <xsl:with-param name="name" select="'password'"/>
      <xsl:with-param name="label" select="'New password'"/>
      <xsl:with-param name="type" select="'password'"/>
      <xsl:with-param name="hint" select="'At least 12 characters; a few unrelated words make a good one. Not a common password, not your login.'"/>
      <xsl:with-param name="required" select="'1'"/>
      <xsl:with-param name="autocomplete" select="'new-password'"/>
    </xsl:call-template>
    <xsl:call-template name="input">
      <xsl:with-param name="name" select="'repeat'"/>
      <xsl:with-param name="label" select="'New password again'"/>
      <xsl:with-param name="type" select="'password'"/>
      <xsl:with-param name="required" select="'1'"/>
      <xsl:with-param name="autocomplete" select="'new-password'"/>
    </xsl:call-template>
    <p class="hint">Changing the password signs you out everywhere else.</p>
    <p><button type="submit" class="primary">Change password</button></p>
  </form>

  <h2 id="totp">Two-step sign-in</h2>
  <xsl:choose>
    <xsl:when test="@totp">
      <p>
        <xsl:text>On: signing in asks for a code from your authenticator app. </xsl:text>
        <xsl:value-of select="@recovery-left"/>
        <xsl:text> unused recovery codes left.</xsl:text>
      </p>
      <p><a href="{$site/base-url}/admin/account/totp">Turn it off or make new recovery codes</a></p>
    </xsl:when>
    <xsl:otherwise>
      <p>Off: a stolen password is enough to sign in as you.</p>
      <p><a href="{$site/base-url}/admin/account/totp">Set up two-step sign-in</a></p>
    </xsl:otherwise>
  </xsl:choose>

  <h2 id="sessions">Where you are signed in</h2>
  <table class="sessions">
    <thead>
      <tr>
        <th scope="col">Signed in</th>
        <th scope="col">Last seen</th>
        <th scope="col">Address</th>
        <th scope="col">Browser</th>
        <th scope="col"><span class="visually-hidden">Action</span></th>
      </tr>
    </thead>
    <tbody>
      <xsl:for-each select="sessions/session">
        <tr>
          <xsl:if test="@current"><xsl:attribute name="class">current</xsl:attribute></xsl:if>
          <td>
            <xsl:call-template name="when">
              <xsl:with-param name="t" select="created"/>
            </xsl:call-template>
            <xsl:if test="@current"><strong> (this session)</strong></xsl:if>
            <xsl:if test="@pending"> (code not yet given)</xsl:if>
          </td>
          <td>
            <xsl:call-template name="when">
              <xsl:with-param name="t" select="last-seen"/>
            </xsl:call-template>
          </td>
          <td><xsl:value-of select="addr"/></td>
          <td class="agent"><xsl:value-of select="agent"/></td>
          <td>
            <form method="post" action="{$site/base-url}/admin/account/sessions/{@id}/end">
              <xsl:call-template name="csrf-field"/>
              <button type="submit">
                <xsl:choose>
                  <xsl:when test="@current">Sign out</xsl:when>
                  <xsl:otherwise>End<span class="visually-hidden"> the session from <xsl:value-of select="addr"/></span></xsl:otherwise>
                </xsl:choose>
              </button>
            </form>
          </td>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>
</xsl:template>

<xsl:template match="totp">
  <p><a href="{$site/base-url}/admin/account">My account</a></p>
  <xsl:choose>
    <xsl:when test="@state = 'codes'">
      <h1>Recovery codes</h1>
      <div class="warning" role="alert">
        <p><strong>Keep these codes now: they are shown only this
        once.</strong> Print them or write them down and keep them away
        from your phone. Each works once, instead of a code from the app,
        if you lose your phone. Any codes you had before no longer
        work.</p>
      </div>
      <ul class="codes">
        <xsl:for-each select="codes/code">
          <li><code><xsl:value-of select="."/></code></li>
        </xsl:for-each>
      </ul>
      <p><a class="button primary" href="{$site/base-url}/admin/account?done=totp-on">I have kept them</a></p>
    </xsl:when>

    <xsl:when test="@state = 'pending'">
      <h1>Set up two-step sign-in</h1>
      <ol>
        <li>Open an authenticator app on your phone (any app for
        time-based codes).</li>
        <li>Add an account by typing this key (spaces do not matter):
          <p class="secret" id="totp-key"><xsl:value-of select="key"/></p>
          <p class="hint">Or, if your app takes a link, this one (nothing
          is sent anywhere; the link only carries the key):</p>
          <p class="secret"><code><xsl:value-of select="uri"/></code></p>
        </li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <form method="post" action="{$site/base-url}/admin/account/totp" class="narrow">
        <xsl:call-template name="csrf-field"/>
        <input type="hidden" name="action" value="confirm"/>
        <div class="field">
          <xsl:if test="errors/error[@field = 'code']">
            <xsl:attribute name="class">field has-error</xsl:attribute>
          </xsl:if>
          <label for="f-code">Code from the app</label>
          <xsl:call-template name="field-error">
            <xsl:with-param name="name" select="'code'"/>
          </xsl:call-template>
          <input id="f-code" name="code" type="text" inputmode="numeric"
              pattern="[0-9 ]*" maxlength="8" required="required"
              autocomplete="one-time-code">
            <xsl:if test="errors/error[@field = 'code']">
              <xsl:attribute name="aria-invalid">true</xsl:attribute>
              <xsl:attribute name="aria-describedby">e-code</xsl:attribute>
            </xsl:if>
          </input>
        </div>
        <p><button type="submit" class="primary">Turn on two-step sign-in</button></p>
      </form>
      <form method="post" action="{$site/base-url}/admin/account/totp">
        <xsl:call-template name="csrf-field"/>
        <input type="hidden" name="action" value="cancel"/>
        <p><button type="submit">Cancel the set-up</button></p>
      </form>
    </xsl:when>

    <xsl:when test="@state = 'on'">
      <h1>Two-step sign-in</h1>
      <p>
        <xsl:text>On: signing in asks for your password and then a code from your authenticator app. </xsl:text>
        <xsl:value-of select="@recovery-left"/>
        <xsl:text> unused recovery codes left.</xsl:text>
      </p>
      <form method="post" action="{$site/base-url}/admin/account/totp" class="narrow">
        <xsl:call-template name="csrf-field"/>
        <fieldset>
          <legend>New recovery codes</legend>
          <p class="hint">Ten new codes replace all the old ones.</p>
          <input type="hidden" name="action" value="codes"/>
          <xsl:call-template name="password-field"/>
          <p><button type="submit">Make new recovery codes</button></p>
        </fieldset>
      </form>
      <form method="post" action="{$site/base-url}/admin/account/totp" class="narrow">
        <xsl:call-template name="csrf-field"/>
        <fieldset>
          <legend>Turn off</legend>
          <p class="hint">Signing in will ask for the password only, and
          your recovery codes stop working.</p>
          <input type="hidden" name="action" value="off"/>
          <div class="field">
            <label for="f-password-off">Your current password</label>
            <input id="f-password-off" name="password" type="password"
                required="required" autocomplete="current-password"/>
          </div>
          <p><button type="submit" class="danger">Turn off two-step sign-in</button></p>
        </fieldset>
      </form>
    </xsl:when>

    <xsl:otherwise>
      <h1>Set up two-step sign-in</h1>
      <p>With two-step sign-in, a stolen password is not enough: signing
      in also asks for a code that an app on your phone makes every 30
      seconds. You will get ten recovery codes for when the phone is
      lost.</p>
      <form method="post" action="{$site/base-url}/admin/account/totp" class="narrow">
        <xsl:call-template name="csrf-field"/>
        <input type="hidden" name="action" value="start"/>
        <xsl:call-template name="password-field"/>
        <p><button type="submit" class="primary">Start</button></p>
      </form>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
