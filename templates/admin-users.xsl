<?xml version="1.0" encoding="UTF-8"?>
<!--
  Users, for administrators (src/admin_user.c):
    /page/users/user[@id @login @role @disabled @totp @self @throttled]
        name, email, lang[@code], last-login, created
    /page/throttled/login[@failures @user-id] key, last
    /page/throttled/addr[@failures] key, last
    /page/new-user[@login @role]  name, email, lang[@code], errors
        the new-user form as submitted, after a refused POST
  or one user's edit page:
    /page/user-edit[@id @user-login @self @totp @recovery-left @role
        @disabled] name, email, lang[@code], created, password-changed,
        throttle[@failures] last, errors

  Lifting a throttle posts to /admin/users/ID/unthrottle: a user's login
  with no fields; an address ("addr") or a login that is no account
  ("login") to the signed-in administrator's own ID.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="admin-layout.xsl"/>

<xsl:template name="title">
  <xsl:choose>
    <xsl:when test="/page/user-edit">
      <xsl:text>User </xsl:text>
      <xsl:value-of select="/page/user-edit/@user-login"/>
    </xsl:when>
    <xsl:otherwise>Users</xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="content">
  <xsl:choose>
    <xsl:when test="/page/user-edit">
      <xsl:apply-templates select="/page/user-edit"/>
    </xsl:when>
    <xsl:otherwise>
      <xsl:call-template name="users"/>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="role-label">
  <xsl:param name="role"/>
  <xsl:choose>
    <xsl:when test="$role = 'admin'">Administrator</xsl:when>
    <xsl:when test="$role = 'editor'">Editor</xsl:when>
    <xsl:when test="$role = 'author'">Author</xsl:when>
    <xsl:when test="$role = 'translator'">Translator</xsl:when>
    <xsl:otherwise><xsl:value-of select="$role"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="lang-name">
  <xsl:param name="code"/>
  <xsl:variable name="l" select="$site/languages/language[@code = $code]"/>
  <xsl:choose>
    <xsl:when test="$l/@name">
      <span lang="{$code}"><xsl:value-of select="$l/@name"/></span>
    </xsl:when>
    <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- The role, languages and e-mail fields both forms share; $f the values. -->
<xsl:template name="user-fields">
  <xsl:param name="f"/>
  <xsl:call-template name="input">
    <xsl:with-param name="name" select="'name'"/>
    <xsl:with-param name="label" select="'Name'"/>
    <xsl:with-param name="hint" select="'As the newsroom knows the person; shown in the admin and the audit log.'"/>
    <xsl:with-param name="value" select="$f/name"/>
    <xsl:with-param name="required" select="'1'"/>
    <xsl:with-param name="maxlength" select="'200'"/>
    <xsl:with-param name="autocomplete" select="'off'"/>
  </xsl:call-template>
  <xsl:call-template name="input">
    <xsl:with-param name="name" select="'email'"/>
    <xsl:with-param name="label" select="'E-mail (optional)'"/>
    <xsl:with-param name="type" select="'email'"/>
    <xsl:with-param name="value" select="$f/email"/>
    <xsl:with-param name="maxlength" select="'254'"/>
    <xsl:with-param name="autocomplete" select="'off'"/>
  </xsl:call-template>
  <xsl:variable name="role-err" select="/page//errors/error[@field = 'role']"/>
  <fieldset id="f-role">
    <xsl:if test="$role-err"><xsl:attribute name="class">has-error</xsl:attribute></xsl:if>
    <legend>Role</legend>
    <xsl:call-template name="field-error">
      <xsl:with-param name="name" select="'role'"/>
    </xsl:call-template>
    <xsl:call-template name="role-option">
      <xsl:with-param name="f" select="$f"/>
      <xsl:with-param name="role" select="'admin'"/>
      <xsl:with-param name="hint" select="'Everything, including users, settings and deleting for good.'"/>
    </xsl:call-template>
    <xsl:call-template name="role-option">
      <xsl:with-param name="f" select="$f"/>
      <xsl:with-param name="role" select="'editor'"/>
      <xsl:with-param name="hint" select="'Writes, edits and publishes everything.'"/>
    </xsl:call-template>
    <xsl:call-template name="role-option">
      <xsl:with-param name="f" select="$f"/>
      <xsl:with-param name="role" select="'author'"/>
      <xsl:with-param name="hint" select="'Writes own drafts and submits them for review; cannot publish.'"/>
    </xsl:call-template>
    <xsl:call-template name="role-option">
      <xsl:with-param name="f" select="$f"/>
      <xsl:with-param name="role" select="'translator'"/>
      <xsl:with-param name="hint" select="'Edits items in the languages chosen below; cannot publish.'"/>
    </xsl:call-template>
  </fieldset>
  <fieldset id="f-lang">
    <xsl:if test="/page//errors/error[@field = 'lang']">
      <xsl:attribute name="class">has-error</xsl:attribute>
    </xsl:if>
    <legend>Languages (translators only)</legend>
    <xsl:call-template name="field-error">
      <xsl:with-param name="name" select="'lang'"/>
    </xsl:call-template>
    <xsl:for-each select="$site/languages/language">
      <div class="check">
        <input type="checkbox" name="lang" value="{@code}" id="f-lang-{@code}">
          <xsl:if test="$f/lang[@code = current()/@code]">
            <xsl:attribute name="checked">checked</xsl:attribute>
          </xsl:if>
        </input>
        <xsl:text> </xsl:text>
        <label for="f-lang-{@code}">
          <xsl:call-template name="lang-name">
            <xsl:with-param name="code" select="@code"/>
          </xsl:call-template>
          <xsl:text> (</xsl:text>
          <xsl:value-of select="@code"/>
          <xsl:text>)</xsl:text>
        </label>
      </div>
    </xsl:for-each>
  </fieldset>
</xsl:template>

<xsl:template name="role-option">
  <xsl:param name="f"/>
  <xsl:param name="role"/>
  <xsl:param name="hint"/>
  <div class="check">
    <input type="radio" name="role" value="{$role}" id="f-role-{$role}"
        aria-describedby="h-role-{$role}">
      <xsl:if test="$f/@role = $role">
        <xsl:attribute name="checked">checked</xsl:attribute>
      </xsl:if>
    </input>
    <xsl:text> </xsl:text>
    <label for="f-role-{$role}">
      <xsl:call-template name="role-label">
        <xsl:with-param name="role" select="$role"/>
      </xsl:call-template>
    </label>
    <span class="hint" id="h-role-{$role}">
      <xsl:text> – </xsl:text>
      <xsl:value-of select="$hint"/>
    </span>
  </div>
</xsl:template>

<!-- The users page. -->
<xsl:template name="users">
  <h1>Users</h1>
  <table class="users">
    <caption class="visually-hidden">Every account, by login</caption>
    <thead>
      <tr>
        <th scope="col">Login</th>
        <th scope="col">Name</th>
        <th scope="col">Role</th>
        <th scope="col">Languages</th>
        <th scope="col">Two-step sign-in</th>
        <th scope="col">Last sign-in</th>
        <th scope="col">State</th>
      </tr>
    </thead>
    <tbody>
      <xsl:for-each select="/page/users/user">
        <tr>
          <th scope="row">
            <a href="{$site/base-url}/admin/users/{@id}">
              <xsl:value-of select="@login"/>
            </a>
            <xsl:if test="@self"> (you)</xsl:if>
          </th>
          <td>
            <xsl:value-of select="name"/>
            <xsl:if test="email">
              <br/><span class="hint"><xsl:value-of select="email"/></span>
            </xsl:if>
          </td>
          <td>
            <xsl:call-template name="role-label">
              <xsl:with-param name="role" select="@role"/>
            </xsl:call-template>
          </td>
          <td>
            <xsl:for-each select="lang">
              <xsl:if test="position() > 1">, </xsl:if>
              <xsl:call-template name="lang-name">
                <xsl:with-param name="code" select="@code"/>
              </xsl:call-template>
            </xsl:for-each>
          </td>
          <td>
            <xsl:choose>
              <xsl:when test="@totp">On</xsl:when>
              <xsl:otherwise>Off</xsl:otherwise>
            </xsl:choose>
          </td>
          <td>
            <xsl:choose>
              <xsl:when test="last-login">
                <xsl:call-template name="when">
                  <xsl:with-param name="t" select="last-login"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:otherwise>Never</xsl:otherwise>
            </xsl:choose>
          </td>
          <td>
            <xsl:choose>
              <xsl:when test="@disabled"><span class="status status-archived">Disabled</span></xsl:when>
              <xsl:otherwise>Active</xsl:otherwise>
            </xsl:choose>
            <xsl:if test="@throttled">
              <xsl:text> </xsl:text>
              <span class="status status-review">Throttled</span>
            </xsl:if>
          </td>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>

  <xsl:call-template name="throttled"/>

  <h2 id="new">Add a user</h2>
  <xsl:variable name="f" select="/page/new-user"/>
  <form method="post" action="{$site/base-url}/admin/users/" class="user-new">
    <xsl:call-template name="csrf-field"/>
    <xsl:call-template name="input">
      <xsl:with-param name="name" select="'login'"/>
      <xsl:with-param name="label" select="'Login'"/>
      <xsl:with-param name="hint" select="'2 to 64 lowercase letters, digits, dots, hyphens or underscores, starting with a letter or digit; it cannot be changed later.'"/>
      <xsl:with-param name="value" select="$f/@login"/>
      <xsl:with-param name="required" select="'1'"/>
      <xsl:with-param name="maxlength" select="'64'"/>
      <xsl:with-param name="autocomplete" select="'off'"/>
    </xsl:call-template>
    <xsl:call-template name="user-fields">
      <xsl:with-param name="f" select="$f"/>
    </xsl:call-template>
    <xsl:call-template name="input">
      <xsl:with-param name="name" select="'password'"/>
      <xsl:with-param name="label" select="'First password'"/>
      <xsl:with-param name="type" select="'password'"/>
      <xsl:with-param name="hint" select="'At least 12 characters, not a common password. Give it to the person by a safe channel; they change it on their account page.'"/>
      <xsl:with-param name="required" select="'1'"/>
      <xsl:with-param name="autocomplete" select="'new-password'"/>
    </xsl:call-template>
    <p><button type="submit" class="primary">Add user</button></p>
  </form>
</xsl:template>

<!-- Logins and addresses held back by failed sign-ins. -->
<xsl:template name="throttled">
  <h2 id="throttled">Throttled sign-ins</h2>
  <xsl:choose>
    <xsl:when test="not(/page/throttled/*)">
      <p>No login or address has had four or more failed sign-ins in
      the last 24 hours.</p>
    </xsl:when>
    <xsl:otherwise>
      <p>Logins and addresses with four or more failed sign-ins in the
      last 24 hours. Each further try must wait longer. Lift a throttle
      only when you know who was trying; the failures stay in the audit
      log.</p>
      <table class="throttled">
        <thead>
          <tr>
            <th scope="col">Login or address</th>
            <th scope="col">Failures</th>
            <th scope="col">Last failure</th>
            <th scope="col"><span class="visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="/page/throttled/login | /page/throttled/addr">
            <tr>
              <th scope="row">
                <xsl:choose>
                  <xsl:when test="self::addr">
                    <xsl:text>Address </xsl:text>
                    <xsl:value-of select="key"/>
                  </xsl:when>
                  <xsl:when test="@user-id">
                    <xsl:text>Login </xsl:text>
                    <a href="{$site/base-url}/admin/users/{@user-id}">
                      <xsl:value-of select="key"/>
                    </a>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:text>Login </xsl:text>
                    <xsl:value-of select="key"/>
                    <xsl:text> (no such account)</xsl:text>
                  </xsl:otherwise>
                </xsl:choose>
              </th>
              <td><xsl:value-of select="@failures"/></td>
              <td>
                <xsl:call-template name="when">
                  <xsl:with-param name="t" select="last"/>
                </xsl:call-template>
              </td>
              <td>
                <xsl:choose>
                  <xsl:when test="@user-id">
                    <form method="post" action="{$site/base-url}/admin/users/{@user-id}/unthrottle">
                      <xsl:call-template name="csrf-field"/>
                      <button type="submit">Lift<span class="visually-hidden"> the throttle of <xsl:value-of select="key"/></span></button>
                    </form>
                  </xsl:when>
                  <xsl:otherwise>
                    <form method="post" action="{$site/base-url}/admin/users/{$me/@id}/unthrottle">
                      <xsl:call-template name="csrf-field"/>
                      <xsl:choose>
                        <xsl:when test="self::addr">
                          <input type="hidden" name="addr" value="{key}"/>
                        </xsl:when>
                        <xsl:otherwise>
                          <input type="hidden" name="login" value="{key}"/>
                        </xsl:otherwise>
                      </xsl:choose>
                      <button type="submit">Lift<span class="visually-hidden"> the throttle of <xsl:value-of select="key"/></span></button>
                    </form>
                  </xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- One user's edit page. -->
<xsl:template match="user-edit">
  <p><a href="{$site/base-url}/admin/users/">All users</a></p>
  <h1>
    <xsl:text>User </xsl:text>
    <xsl:value-of select="@user-login"/>
    <xsl:if test="@self"> (you)</xsl:if>
  </h1>
  <dl class="facts">
    <dt>Created</dt>
    <dd>
      <xsl:call-template name="when">
        <xsl:with-param name="t" select="created"/>
      </xsl:call-template>
    </dd>
    <dt>Password last changed</dt>
    <dd>
      <xsl:choose>
        <xsl:when test="password-changed">
          <xsl:call-template name="when">
            <xsl:with-param name="t" select="password-changed"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>Never</xsl:otherwise>
      </xsl:choose>
    </dd>
    <dt>Two-step sign-in</dt>
    <dd>
      <xsl:choose>
        <xsl:when test="@totp">
          <xsl:text>On (</xsl:text>
          <xsl:value-of select="@recovery-left"/>
          <xsl:text> unused recovery codes)</xsl:text>
        </xsl:when>
        <xsl:otherwise>Off</xsl:otherwise>
      </xsl:choose>
    </dd>
  </dl>

  <xsl:if test="@totp">
    <form method="post" action="{$site/base-url}/admin/users/{@id}" class="totp-off">
      <xsl:call-template name="csrf-field"/>
      <input type="hidden" name="action" value="totp-off"/>
      <p class="hint" id="h-totp-off">For someone who has lost both their
      phone and their recovery codes: they can then sign in with their
      password alone, and should set two-step sign-in up again.</p>
      <p><button type="submit" class="danger" aria-describedby="h-totp-off">Turn off their two-step sign-in</button></p>
    </form>
  </xsl:if>

  <xsl:for-each select="throttle">
    <div class="warning" role="status">
      <p>
        <xsl:value-of select="@failures"/>
        <xsl:text> failed sign-ins for this login in the last 24 hours (the last </xsl:text>
        <xsl:call-template name="when">
          <xsl:with-param name="t" select="last"/>
        </xsl:call-template>
        <xsl:text>): its sign-ins are slowed down.</xsl:text>
      </p>
      <form method="post" action="{$site/base-url}/admin/users/{../@id}/unthrottle">
        <xsl:call-template name="csrf-field"/>
        <button type="submit">Lift the throttle</button>
      </form>
    </div>
  </xsl:for-each>

  <form method="post" action="{$site/base-url}/admin/users/{@id}" class="user-edit">
    <xsl:call-template name="csrf-field"/>
    <xsl:call-template name="user-fields">
      <xsl:with-param name="f" select="."/>
    </xsl:call-template>
    <fieldset id="f-disabled">
      <xsl:if test="/page//errors/error[@field = 'disabled']">
        <xsl:attribute name="class">has-error</xsl:attribute>
      </xsl:if>
      <legend>Access</legend>
      <xsl:call-template name="field-error">
        <xsl:with-param name="name" select="'disabled'"/>
      </xsl:call-template>
      <div class="check">
        <input type="checkbox" name="disabled" value="1" id="f-disabled-box"
            aria-describedby="h-disabled">
          <xsl:if test="@disabled">
            <xsl:attribute name="checked">checked</xsl:attribute>
          </xsl:if>
        </input>
        <xsl:text> </xsl:text>
        <label for="f-disabled-box">Disabled</label>
        <p class="hint" id="h-disabled">A disabled user cannot sign in, and
        their open sessions end at once. Their items and revisions stay.</p>
      </div>
    </fieldset>
    <p><button type="submit" class="primary">Save user</button></p>
  </form>
</xsl:template>

</xsl:stylesheet>
