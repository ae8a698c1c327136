; Inno Setup script for AttachGuard (per-user install, no admin rights needed).
; Build the one-folder app first (python packaging\build.py), then: iscc packaging\windows\attachguard.iss
; The version is passed in by build.py: iscc /DAppVersion=0.1.0 ...

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B1D6C52-6A4E-4E1C-9C55-4A1F6E0A7C3B}
AppName=AttachGuard
AppVersion={#AppVersion}
AppPublisher=AttachGuard developers
DefaultDirName={localappdata}\Programs\AttachGuard
DefaultGroupName=AttachGuard
PrivilegesRequired=lowest
OutputBaseFilename=AttachGuard-{#AppVersion}-setup
OutputDir=..\..\dist
SetupIconFile=..\..\build\icons\attachguard.ico
UninstallDisplayIcon={app}\attachguard.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "autostart"; Description: "Start AttachGuard when I sign in"; Flags: unchecked

[Files]
Source: "..\..\dist\AttachGuard\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion
; "Send to > Copy text for ChatGPT": runs attachguard copy-text on each chosen file.
Source: "copy-text-for-chatgpt.cmd"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\AttachGuard"; Filename: "{app}\attachguard.exe"
Name: "{group}\Uninstall AttachGuard"; Filename: "{uninstallexe}"
Name: "{usersendto}\Copy text for ChatGPT"; Filename: "{app}\copy-text-for-chatgpt.cmd"; \
  IconFilename: "{app}\attachguard.exe"; Flags: runminimized

[Registry]
; The same value the app's "Start at login" setting writes (desktop_app/autostart.py).
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; \
  ValueName: "AttachGuard"; ValueData: """{app}\attachguard.exe"""; Tasks: autostart; \
  Flags: uninsdeletevalue

[Run]
Filename: "{app}\attachguard.exe"; Description: "Start AttachGuard now"; Flags: nowait postinstall skipifsilent
