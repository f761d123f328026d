; Inno Setup 6 script: the Windows installer of DHR Manager (packaging/README.md, "Windows").
; Build on Windows, after the one-folder bundle exists in dist\dhr-manager:
;   iscc /DAppVersion=0.1.0 packaging\windows\dhr-manager.iss
; Output: dist\dhr-manager-<version>-windows-x64-setup.exe. Not built or tested on the Linux build machine.
;
; Per-machine install into Program Files, for IT to deploy (silently: setup.exe /VERYSILENT /NORESTART).
;
; UNINSTALL NEVER DELETES USER DATA. The uninstaller removes exactly the files this installer copied into {app}
; and the shortcuts it made. Workspaces (.dhr files, wherever the user keeps them; by default under
; %LOCALAPPDATA%\dhr-manager), backups, settings (%LOCALAPPDATA%\dhr-manager) and logs are not installed by
; this script, so the uninstaller does not know them and leaves them alone. Do not add an [UninstallDelete]
; entry or a "delete user data" task: a coordinator's workspace is the only copy of months of case work.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "DHR Manager"
#define SourceDir "..\..\dist\dhr-manager"

[Setup]
; A fixed AppId: upgrades replace the previous version instead of installing beside it. Never change it.
AppId={{6F3C2A4E-8B1D-4C57-9E2F-0D5A7B3C1E98}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=DHR Manager contributors
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=dhr-manager-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\dhr-manager.ico
UninstallDisplayIcon={app}\dhr-manager.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The GNU GPL v3, shown on the installer's licence page.
LicenseFile=..\..\LICENSE
CloseApplications=yes
; Signing (packaging/README.md): define a sign tool named "signtool" in the Inno Setup IDE or with
;   iscc "/Ssigntool=signtool.exe sign /fd sha256 /tr http://timestamp.example /td sha256 /a $f" ...
; and uncomment the next line, so that both the installer and the uninstaller are signed.
; SignTool=signtool

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
; The whole one-folder bundle; {app} holds nothing else.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\dhr-manager.exe"; Comment: "Manage domestic homicide reviews"
Name: "{group}\{#AppName} user guide"; Filename: "{app}\_internal\docs\user-guide.md"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

[Run]
; IT can check an installation with: "C:\Program Files\DHR Manager\dhr-manager-cli.exe" selftest
Filename: "{app}\dhr-manager.exe"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent
